import { DataIntegrityProof } from "@digitalbazaar/data-integrity";
import { cryptosuite } from "@digitalbazaar/eddsa-rdfc-2022-cryptosuite";
import { verifyCredential } from "@digitalbazaar/vc";
import { z } from "zod";
import { offlineDocumentLoader } from "./document-loader.server";
import { didDocument, issuerDid, verifyingKeys } from "./keys.server";
import { identityHash, STATUS_LIST, statusListUrl } from "./open-badge.server";
import { isSetInStatusList } from "./status-list.server";

/** What a valid (or revoked, or expired) credential says, for the verification page. */
type VerifiedFacts = {
  title: string;
  issuerName: string;
  awardedAt: string;
  /** Only when the holder chose to show it. */
  holderName: string | null;
  expiresAt: string | null;
  /** Whether the e-mail the reader typed is the one hashed in the credential; null: none typed. */
  emailMatches: boolean | null;
};

export type CredentialCheck =
  | { status: "unreadable" }
  | { status: "wrong-issuer" }
  | { status: "invalid-proof" }
  | { status: "status-unknown"; facts: VerifiedFacts }
  | { status: "valid" | "revoked" | "expired"; facts: VerifiedFacts };

const Identity = z.object({
  identityType: z.string(),
  hashed: z.boolean(),
  identityHash: z.string(),
  salt: z.string().optional(),
});

/** The parts of an OpenBadgeCredential this check reads; the proof covers all of it. */
const Badge = z.looseObject({
  type: z.array(z.string()).refine((types) => types.includes("OpenBadgeCredential")),
  issuer: z.union([z.string(), z.looseObject({ id: z.string(), name: z.string().optional() })]),
  validFrom: z.string(),
  validUntil: z.string().optional(),
  awardedDate: z.string().optional(),
  credentialSubject: z.looseObject({
    identifier: z.array(Identity).optional(),
    achievement: z.looseObject({ name: z.string() }),
  }),
  credentialStatus: z
    .looseObject({ statusListIndex: z.string(), statusListCredential: z.string() })
    .optional(),
  proof: z.unknown(),
});

type Keys = { origin: string; retiredKeys?: readonly string[]; seed?: Uint8Array };

/** Whether the Data Integrity proof of `credential` verifies against the issuer's keys, offline. */
async function proofVerifies(
  credential: Record<string, unknown>,
  { origin, retiredKeys, seed, now }: Keys & { now?: Date },
): Promise<boolean> {
  const did = issuerDid(origin);
  const documentLoader = offlineDocumentLoader([
    didDocument(did, await verifyingKeys(retiredKeys, seed)),
  ]);
  const result = await verifyCredential({
    credential,
    suite: new DataIntegrityProof({ cryptosuite }),
    documentLoader,
    // Revocation is read below, from the issuer's own list, so the answer can name it.
    checkStatus: async () => ({ verified: true }),
    now,
  });
  return result.verified;
}

/**
 * Checks a credential that claims to be one of ours: its issuer, its proof (offline: every context
 * is bundled, the keys come from configuration), its validity dates and its revocation on the
 * issuer's status list (itself signed and checked). `statusList` gives the list as published.
 */
export async function checkOpenBadge(
  input: unknown,
  {
    statusList,
    email,
    now = new Date(),
    ...keys
  }: Keys & {
    statusList: () => Promise<Record<string, unknown>>;
    email?: string;
    now?: Date;
  },
): Promise<CredentialCheck> {
  const parsed = Badge.safeParse(input);
  if (!parsed.success) return { status: "unreadable" };
  const badge = parsed.data;
  const issuer = typeof badge.issuer === "string" ? { id: badge.issuer } : badge.issuer;
  if (issuer.id !== issuerDid(keys.origin)) return { status: "wrong-issuer" };

  const expiresAt = badge.validUntil ?? null;
  const expired = expiresAt !== null && !(Date.parse(expiresAt) > now.getTime());
  // The library refuses an expired credential outright; its proof is checked as of its last
  // valid moment, so the answer can say "expired" rather than "not genuine".
  const asOf = expired && expiresAt ? new Date(Date.parse(expiresAt) - 1000) : now;
  let genuine = false;
  try {
    genuine = await proofVerifies(input as Record<string, unknown>, { ...keys, now: asOf });
  } catch {
    genuine = false;
  }
  if (!genuine) return { status: "invalid-proof" };

  const emailIdentity = badge.credentialSubject.identifier?.find(
    (identity) => identity.identityType === "emailAddress",
  );
  const nameIdentity = badge.credentialSubject.identifier?.find(
    (identity) => identity.identityType === "name" && !identity.hashed,
  );
  const facts: VerifiedFacts = {
    title: badge.credentialSubject.achievement.name,
    issuerName: issuer.name ?? issuer.id,
    awardedAt: badge.awardedDate ?? badge.validFrom,
    holderName: nameIdentity?.identityHash ?? null,
    expiresAt,
    emailMatches:
      email && emailIdentity?.hashed
        ? identityHash(email, emailIdentity.salt ?? "") === emailIdentity.identityHash
        : null,
  };
  if (expired) return { status: "expired", facts };
  const status = badge.credentialStatus;
  if (!status) return { status: "valid", facts };
  if (status.statusListCredential !== statusListUrl(keys.origin, STATUS_LIST)) {
    return { status: "status-unknown", facts };
  }
  try {
    const list = await statusList();
    if (!(await proofVerifies(list, { ...keys, now }))) return { status: "status-unknown", facts };
    const encoded = (list.credentialSubject as { encodedList?: unknown }).encodedList;
    const index = Number(status.statusListIndex);
    if (typeof encoded !== "string" || !Number.isInteger(index)) {
      return { status: "status-unknown", facts };
    }
    return { status: isSetInStatusList(encoded, index) ? "revoked" : "valid", facts };
  } catch {
    return { status: "status-unknown", facts };
  }
}
