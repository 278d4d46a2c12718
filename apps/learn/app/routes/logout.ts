import { href, redirect } from "react-router";
import { getDb } from "~/lib/db.server";
import { readForm } from "~/lib/form.server";
import { assertSameOrigin } from "~/lib/http.server";
import { clearedSessionCookie, readDeviceTokens } from "~/modules/auth/cookie.server";
import { getSession } from "~/modules/auth/guards.server";
import { forgetOtherDevices } from "~/modules/auth/known-device.server";
import { clearSiteData } from "~/modules/auth/quick-exit.server";
import { invalidateSession, invalidateUserSessions } from "~/modules/auth/session.server";
import type { Route } from "./+types/logout";

/** POST only: a link or an image on another site must not be able to sign anyone out. */
export async function action({ request }: Route.ActionArgs) {
  assertSameOrigin(request);
  const current = await getSession(request);
  if (current) {
    const db = await getDb();
    const everywhere = (await readForm(request)).get("scope") === "everywhere";
    if (everywhere) {
      // "Everywhere" is what someone whose phone was taken presses: the other browsers also lose
      // the known-device standing that lets them past the login limits (ADR 010).
      await invalidateUserSessions(db, current.user.id);
      await forgetOtherDevices(db, current.user.id, readDeviceTokens(request));
    } else await invalidateSession(db, current.session.id);
  }
  const headers = new Headers({ "Set-Cookie": clearedSessionCookie(request) });
  // On a shared phone, signing out also empties what the site stored in this browser.
  if (current?.session.shared) headers.set("Clear-Site-Data", clearSiteData({ shared: true }));
  return redirect(href("/"), { status: 303, headers });
}

export function loader() {
  return redirect(href("/"));
}
