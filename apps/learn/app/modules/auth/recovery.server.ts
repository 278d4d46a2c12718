import { sha256 } from "@oslojs/crypto/sha2";
import { encodeHexLowerCase } from "@oslojs/encoding";
import { consumeTokenBucket, type Db, type TokenBucketRule } from "@peacelearn/db";
import { recordAudit } from "~/modules/audit/audit.server";
import { type SignedIn, startSession } from "./auth.server";
import { findPresentedDevices, rememberDevice } from "./known-device.server";
import { hashPassword } from "./password.server";
import { addressBucket } from "./rate-limit.server";

// Account recovery where e-mail does not reach (issue 12, docs/decisions/019-quick-exit-and-recovery.md):
// a trainer (for her cohort's trainees) or an admin issues a one-time code and passes it on by
// phone, SMS or in person; the person types it with her e-mail and a new password. Who may issue
// for whom is decided by the caller (modules/cohorts, modules/admin); this file keeps the code.

const HOUR_MS = 60 * 60 * 1000;
/**
 * How long a code works. Long enough for a code read out on a call in the morning to be typed on
 * a 2G phone in the evening; short enough that a code copied from a notebook a week later is dead.
 */
export const RECOVERY_CODE_LIFETIME_MS = 24 * HOUR_MS;

/** Crockford's base32: no I, L, O or U, so a code read aloud or copied by hand survives. */
const ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
const GROUPS = 3;
const GROUP_LENGTH = 4;
/** 12 symbols × 5 bits = 60 bits: with the limits below, guessing one is out of reach. */
const CODE_LENGTH = GROUPS * GROUP_LENGTH;

/** Redemption attempts, counted before anything is looked up (issue 12). */
export const RECOVERY_LIMITS = {
  /** One e-mail over all addresses: a code mistyped a few times, then a pause. */
  account: { burst: 5, intervalSeconds: 600 },
  /** One address over all e-mails: a training room behind one connection. */
  address: { burst: 20, intervalSeconds: 60 },
} satisfies Record<string, TokenBucketRule>;

/** Bucket keys; the account key carries the e-mail, so erasure finds and deletes it. */
const recoveryKeys = {
  account: (email: string) => `recover:account:${email}`,
  address: (address: string) => `recover:ip:${addressBucket(address)}`,
};

function newCode(): string {
  // 256 is a multiple of 32, so `byte % 32` is uniform.
  const bytes = new Uint8Array(CODE_LENGTH);
  crypto.getRandomValues(bytes);
  const symbols = [...bytes].map((byte) => ALPHABET[byte % ALPHABET.length]).join("");
  return symbols.match(new RegExp(`.{${GROUP_LENGTH}}`, "g"))?.join("-") ?? symbols;
}

/**
 * A code as typed, in the one form that is hashed: case, spaces and dashes do not matter, and the
 * letters people write for digits (O for 0, I or L for 1) are read as those digits. Null when what
 * is left cannot be a code.
 */
export function normaliseRecoveryCode(typed: string): string | null {
  const symbols = typed
    .toUpperCase()
    .replace(/[\s\-‐‑–—.]/g, "")
    .replace(/O/g, "0")
    .replace(/[IL]/g, "1");
  if (symbols.length !== CODE_LENGTH) return null;
  return [...symbols].every((symbol) => ALPHABET.includes(symbol)) ? symbols : null;
}

function codeId(normalised: string): string {
  return encodeHexLowerCase(sha256(new TextEncoder().encode(normalised)));
}

export type IssuedRecoveryCode = {
  /** Shown once to the person who issued it, grouped for reading aloud: `7KQ2-9XMD-4T0B`. */
  code: string;
  expiresAt: Date;
};

/**
 * Issues a recovery code for `userId` and revokes every unused one issued before, with the audit
 * entry, in one transaction. Only the code's SHA-256 is stored: the code is returned once, here.
 * The caller has decided that `issuerId` may recover this person.
 */
export async function issueRecoveryCode(
  db: Db,
  { userId, issuerId, now = new Date() }: { userId: string; issuerId: string; now?: Date },
): Promise<IssuedRecoveryCode> {
  const code = newCode();
  const expiresAt = new Date(now.getTime() + RECOVERY_CODE_LIFETIME_MS);
  await db.$transaction(async (tx) => {
    const revoked = await tx.recoveryCode.deleteMany({ where: { userId, usedAt: null } });
    await tx.recoveryCode.create({
      data: {
        id: codeId(normaliseRecoveryCode(code) as string),
        userId,
        issuedById: issuerId,
        createdAt: now,
        expiresAt,
      },
    });
    await recordAudit(tx, {
      actorId: issuerId,
      action: "user.recovery-code.issued",
      subjectType: "user",
      subjectId: userId,
      metadata: { expiresAt: expiresAt.toISOString(), revokedUnused: revoked.count },
    });
  });
  return { code, expiresAt };
}

export type RecoveryResult =
  | ({ ok: true } & SignedIn)
  /** Unknown e-mail, wrong, used or expired code: one answer for all, so nothing is revealed. */
  | { ok: false; reason: "invalid-code" }
  | { ok: false; reason: "rate-limited"; retryAfterSeconds: number };

/**
 * Redeems a recovery code: sets the new password, ends every session of the account, forgets its
 * other browsers and the other codes, audits, and signs this browser in. The attempt is throttled
 * before anything is looked up, and the new password is hashed only once the code has been found
 * good, so the form can be used neither to guess nor to make the server hash.
 */
export async function redeemRecoveryCode(
  db: Db,
  input: {
    email: string;
    code: string;
    newPassword: string;
    clientAddress: string;
    userAgent: string | null;
    deviceTokens: readonly string[];
    /** "This phone is not only mine": a short session and no known-device token (ADR 019). */
    shared?: boolean;
    now?: Date;
  },
): Promise<RecoveryResult> {
  const now = input.now ?? new Date();
  for (const [key, rule] of [
    [recoveryKeys.address(input.clientAddress), RECOVERY_LIMITS.address],
    [recoveryKeys.account(input.email), RECOVERY_LIMITS.account],
  ] as const) {
    const bucket = await consumeTokenBucket(db, key, rule, now);
    if (!bucket.allowed) {
      return { ok: false, reason: "rate-limited", retryAfterSeconds: bucket.retryAfterSeconds };
    }
  }

  const normalised = normaliseRecoveryCode(input.code);
  const id = normalised === null ? null : codeId(normalised);
  const stored = id
    ? await db.recoveryCode.findUnique({
        where: { id },
        select: {
          userId: true,
          issuedById: true,
          expiresAt: true,
          usedAt: true,
          user: { select: { email: true, erasedAt: true, deactivatedAt: true } },
        },
      })
    : null;
  const good =
    id !== null &&
    stored !== null &&
    stored.usedAt === null &&
    stored.expiresAt.getTime() > now.getTime() &&
    stored.user.erasedAt === null &&
    // A deactivated account is reopened by an admin, never by a code (ADR 027).
    stored.user.deactivatedAt === null &&
    // citext in the database: one account whatever the case typed.
    stored.user.email.toLowerCase() === input.email.toLowerCase();
  if (!good) return { ok: false, reason: "invalid-code" };

  const { userId } = stored;
  const passwordHash = await hashPassword(input.newPassword);
  const redeemed = await db.$transaction(async (tx) => {
    // The code's single use is settled here: of two racing requests, one updates the row.
    const claimed = await tx.recoveryCode.updateMany({
      where: { id, usedAt: null, expiresAt: { gt: now } },
      data: { usedAt: now },
    });
    if (claimed.count !== 1) return false;
    await tx.user.update({ where: { id: userId }, data: { passwordHash } });
    const sessions = await tx.session.deleteMany({ where: { userId } });
    await tx.knownDevice.deleteMany({ where: { userId } });
    await tx.recoveryCode.deleteMany({ where: { userId, usedAt: null } });
    await recordAudit(tx, {
      actorId: userId,
      action: "user.recovery-code.used",
      subjectType: "user",
      subjectId: userId,
      metadata: { issuedById: stored.issuedById, sessionsEnded: sessions.count },
    });
    return true;
  });
  if (!redeemed) return { ok: false, reason: "invalid-code" };

  // Her other accounts' device tokens on this browser stay; this account's were just forgotten.
  // A shared phone is not hers: no known-device token, as at log-in.
  const shared = input.shared === true;
  const presented = shared ? [] : await findPresentedDevices(db, input.deviceTokens, now);
  const device = shared ? null : await rememberDevice(db, { userId, presented, now });
  return { ok: true, ...(await startSession(db, userId, input.userAgent, shared)), device };
}
