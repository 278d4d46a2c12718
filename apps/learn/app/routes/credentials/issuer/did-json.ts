import { publicOrigin } from "~/lib/http.server";
import { didDocument, issuerDid, verifyingKeys } from "~/modules/credentials/keys.server";
import type { Route } from "./+types/did-json";

/**
 * `/credentials/issuer/did.json` — the issuer's DID document (did:web), where outside verifiers
 * find the public keys that sign our credentials: the current key and every retired one.
 */
export async function loader({ request }: Route.LoaderArgs) {
  const did = issuerDid(publicOrigin(request));
  return new Response(JSON.stringify(didDocument(did, await verifyingKeys())), {
    headers: {
      "Content-Type": "application/did+ld+json; charset=utf-8",
      "Cache-Control": "public, max-age=3600",
      "Access-Control-Allow-Origin": "*",
    },
  });
}
