import { data } from "react-router";
import { getDb } from "~/lib/db.server";
import { publicOrigin } from "~/lib/http.server";
import { publishedStatusList } from "~/modules/credentials/credentials.server";
import { STATUS_LIST } from "~/modules/credentials/open-badge.server";
import type { Route } from "./+types/list";

/**
 * `/credentials/status/:listId` — the issuer's signed Bitstring Status List credential: anyone
 * checking one of our credentials reads here whether it was revoked. Public; it names no one (a
 * revoked place is one bit among 131,072). Cached briefly by shared caches.
 */
export async function loader({ request, params }: Route.LoaderArgs) {
  if (params.listId !== String(STATUS_LIST)) throw data(null, { status: 404 });
  const list = await publishedStatusList(await getDb(), { origin: publicOrigin(request) });
  return new Response(JSON.stringify(list), {
    headers: {
      "Content-Type": "application/vc+ld+json; charset=utf-8",
      "Cache-Control": "public, max-age=300",
      "Access-Control-Allow-Origin": "*",
    },
  });
}
