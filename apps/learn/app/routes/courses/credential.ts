import { data } from "react-router";
import { getDb } from "~/lib/db.server";
import { parseSearch } from "~/lib/form.server";
import { formatDate } from "~/lib/format";
import { publicOrigin } from "~/lib/http.server";
import { getLocale } from "~/lib/locale.server";
import { requireUser } from "~/modules/auth/guards.server";
import { certificateIssuer } from "~/modules/certificates/issuer.server";
import { bakeSvg } from "~/modules/credentials/baking";
import { ownOpenBadge } from "~/modules/credentials/credentials.server";
import { DownloadOptionsSchema } from "~/modules/credentials/schema";
import type { Route } from "./+types/credential";

/**
 * `/courses/:courseKey/credential?format=json|svg&title=course|neutral&showName=on` — the
 * holder's certificate as a signed Open Badges 3.0 credential (JSON), or as a badge picture with
 * the credential baked in (SVG), with the options she chose on the certificate page (a GET form:
 * works without JavaScript). Only the holder reaches it; for anyone else it does not exist. The
 * file names say nothing about the course (a shared phone's downloads list).
 */
export async function loader({ request, params }: Route.LoaderArgs) {
  const user = await requireUser(request);
  const submission = parseSearch(new URL(request.url), DownloadOptionsSchema);
  if (submission.status !== "success") {
    throw data({ errors: submission.reply().error }, { status: 400 });
  }
  const options = submission.value;
  const [locale, db] = await Promise.all([getLocale(request), getDb()]);
  const credential = await ownOpenBadge(db, {
    userId: user.id,
    courseKey: params.courseKey,
    locale,
    origin: publicOrigin(request),
    options,
  });
  if (!credential) throw data(null, { status: 404 });
  const personal = { "Cache-Control": "no-store", "X-Content-Type-Options": "nosniff" };
  if (options.format === "json") {
    return new Response(`${JSON.stringify(credential, null, 2)}\n`, {
      headers: {
        ...personal,
        "Content-Type": "application/json; charset=utf-8",
        "Content-Disposition": 'attachment; filename="credential.json"',
      },
    });
  }
  const subject = credential.credentialSubject as { achievement: { name: string } };
  const svg = bakeSvg(credential, {
    title: subject.achievement.name,
    issuerName: certificateIssuer().organisation,
    date: formatDate(String(credential.validFrom), locale),
  });
  return new Response(svg, {
    headers: {
      ...personal,
      "Content-Type": "image/svg+xml; charset=utf-8",
      "Content-Disposition": 'attachment; filename="badge.svg"',
      // An SVG opened from here must not run anything.
      "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'; sandbox",
    },
  });
}
