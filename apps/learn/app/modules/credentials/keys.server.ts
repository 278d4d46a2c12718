import { randomBytes } from "node:crypto";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { dirname } from "node:path";
import { type Ed25519KeyPair, generate } from "@digitalbazaar/ed25519-multikey";
import { env } from "~/lib/env.server";

/**
 * The issuer's identifier: a did:web under the site's own address
 * (`did:web:learn.example.org:credentials:issuer`, resolved by outside verifiers at
 * `https://learn.example.org/credentials/issuer/did.json`). A port is written `%3A`.
 */
export function issuerDid(origin: string): string {
  const { host } = new URL(origin);
  return `did:web:${host.replace(":", "%3A")}:credentials:issuer`;
}

/** A key's id in the issuer's DID document: the DID and the key's own multibase value. */
function keyId(did: string, publicKeyMultibase: string): string {
  return `${did}#${publicKeyMultibase}`;
}

const SEED_BYTES = 32;

type KeyFile = { seed: string; createdAt: string };

/**
 * The signing key's seed: from configuration, or else from `file`, created with a fresh random
 * seed on first start (the demo). The file is written with mode 0600 and never committed
 * (`.data/` is ignored).
 */
export async function loadSigningSeed({
  configured,
  file,
  now = new Date(),
}: {
  configured: string | undefined;
  file: string;
  now?: Date;
}): Promise<Uint8Array> {
  if (configured) return new Uint8Array(Buffer.from(configured, "base64url"));
  try {
    const stored = JSON.parse(await readFile(file, "utf8")) as KeyFile;
    const seed = Buffer.from(stored.seed, "base64url");
    if (seed.length !== SEED_BYTES) throw new Error(`${file}: the seed is not ${SEED_BYTES} bytes`);
    return new Uint8Array(seed);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
  }
  const seed = randomBytes(SEED_BYTES);
  await mkdir(dirname(file), { recursive: true });
  const content: KeyFile = { seed: seed.toString("base64url"), createdAt: now.toISOString() };
  // "wx": two processes starting together do not overwrite each other's key.
  try {
    await writeFile(file, `${JSON.stringify(content)}\n`, { mode: 0o600, flag: "wx" });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST") {
      return loadSigningSeed({ configured, file, now });
    }
    throw error;
  }
  return new Uint8Array(seed);
}

let seedOnce: Promise<Uint8Array> | undefined;

function signingSeed(): Promise<Uint8Array> {
  seedOnce ??= loadSigningSeed({
    configured: env.CREDENTIAL_SIGNING_KEY,
    file: env.CREDENTIAL_KEY_FILE,
  });
  return seedOnce;
}

/** The key pair credentials are signed with now, named under the issuer's DID. */
export async function signingKeyPair(did: string, seed?: Uint8Array): Promise<Ed25519KeyPair> {
  const bytes = seed ?? (await signingSeed());
  const { publicKeyMultibase } = await generate({ seed: bytes });
  return generate({ seed: bytes, id: keyId(did, publicKeyMultibase), controller: did });
}

/** Every public key that verifies the issuer's credentials: the signing key's, then retired ones. */
export async function verifyingKeys(
  retired: readonly string[] = env.CREDENTIAL_RETIRED_KEYS,
  seed?: Uint8Array,
): Promise<string[]> {
  const current = (await generate({ seed: seed ?? (await signingSeed()) })).publicKeyMultibase;
  return [current, ...retired.filter((key) => key !== current)];
}

/** The issuer's DID document: every verifying key, each allowed to assert credentials. */
export function didDocument(did: string, publicKeys: readonly string[]) {
  const methods = publicKeys.map((publicKeyMultibase) => ({
    id: keyId(did, publicKeyMultibase),
    type: "Multikey",
    controller: did,
    publicKeyMultibase,
  }));
  return {
    "@context": ["https://www.w3.org/ns/did/v1", "https://w3id.org/security/multikey/v1"],
    id: did,
    verificationMethod: methods,
    assertionMethod: methods.map((method) => method.id),
  };
}

export type DidDocument = ReturnType<typeof didDocument>;
