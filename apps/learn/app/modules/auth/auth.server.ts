import { type Db, isUniqueViolation, resetRateLimit } from "@peacelearn/db";
import { recordAudit } from "~/modules/audit/audit.server";
import {
  findPresentedDevices,
  forgetOtherDevices,
  type RememberedDevice,
  rememberDevice,
} from "./known-device.server";
import { hashPassword, verifyAgainstDummy, verifyPassword } from "./password.server";
import { judgeLoginAttempt, throttleKeys, throttlePasswordCheck } from "./rate-limit.server";
import { createSession, generateSessionToken, invalidateUserSessions } from "./session.server";

type NewSession = { token: string; expiresAt: Date; userId: string; shared: boolean };

/** A new session, and the known-device cookie to set with it (none on a shared phone). */
export type SignedIn = NewSession & { device: RememberedDevice | null };

export type LoginResult =
  | ({ ok: true } & SignedIn)
  | { ok: false; reason: "invalid-credentials" }
  | { ok: false; reason: "rate-limited"; retryAfterSeconds: number };

/** A session for `userId`; on a shared phone it ends with the browser and after 20 idle minutes. */
export async function startSession(
  db: Db,
  userId: string,
  userAgent: string | null,
  shared = false,
): Promise<NewSession> {
  const token = generateSessionToken();
  const session = await createSession(db, token, userId, userAgent, { shared });
  return { token, expiresAt: session.expiresAt, userId, shared };
}

/**
 * Checks an email and password (docs/decisions/010-login-throttling.md). The attempt is
 * throttled before the password is looked at: by its own bucket when the browser carries a
 * known-device token for this account, else per (account, address), per address and per account.
 * Buckets are keyed by the e-mail typed whether or not it has an account, and an unknown e-mail
 * is verified against a dummy hash, so every answer and its timing is the same for both. A
 * success renews the browser's device token.
 */
export async function logIn(
  db: Db,
  input: {
    email: string;
    password: string;
    clientAddress: string;
    userAgent: string | null;
    /** The browser's known-device tokens (from its cookie). */
    deviceTokens: readonly string[];
    /** "This phone is not only mine": see SHARED_IDLE_MS in session.server.ts. */
    shared?: boolean;
  },
): Promise<LoginResult> {
  const now = new Date();
  const [user, presented] = await Promise.all([
    db.user.findUnique({
      where: { email: input.email },
      select: { id: true, passwordHash: true, erasedAt: true, deactivatedAt: true },
    }),
    findPresentedDevices(db, input.deviceTokens, now),
  ]);
  const knownDevice = user && !user.erasedAt ? presented.find((d) => d.userId === user.id) : null;
  const verdict = await judgeLoginAttempt(
    db,
    {
      email: input.email,
      clientAddress: input.clientAddress,
      knownDeviceId: knownDevice?.id ?? null,
    },
    now,
  );
  if (!verdict.allowed) {
    return { ok: false, reason: "rate-limited", retryAfterSeconds: verdict.retryAfterSeconds };
  }

  // Every attempt whose password was checked is audited, with the address it came from (issue
  // 12); refused ones were not checked, and a flood of them must not fill the log.
  const failed = async () => {
    await recordAudit(db, {
      actorId: null,
      action: "user.sign-in-failed",
      ...(user && !user.erasedAt
        ? { subjectType: "user", subjectId: user.id }
        : { subjectType: "sign-in", subjectId: "no-account" }),
      metadata: {
        address: input.clientAddress,
        ...(user?.deactivatedAt && !user.erasedAt ? { deactivated: true } : {}),
      },
    });
    return { ok: false, reason: "invalid-credentials" } as const;
  };
  if (!user?.passwordHash || user.erasedAt) {
    await verifyAgainstDummy(input.password);
    return failed();
  }
  // A deactivated account gets the wrong password's answer, after the same work, whatever was
  // typed: the page must not tell whoever holds her phone or her password that an admin closed it
  // (ADR 027). Her admin sees the attempt in the audit log.
  const passwordGood = await verifyPassword(user.passwordHash, input.password);
  if (!passwordGood || user.deactivatedAt) return failed();
  // Only the bucket of this device or this (account, address) pair is cleared: the account-wide
  // and address-wide ones keep counting, or each login of the owner would hand a guesser
  // elsewhere a fresh burst.
  await resetRateLimit(db, verdict.resetKey);
  const shared = input.shared === true;
  // A shared phone is not hers: it gets no known-device token, which would let the others who
  // use it past the limits on guessing her password (ADR 010).
  const device = shared ? null : await rememberDevice(db, { userId: user.id, presented, now });
  await recordAudit(db, {
    actorId: user.id,
    action: "user.signed-in",
    subjectType: "user",
    subjectId: user.id,
    metadata: { address: input.clientAddress, knownDevice: Boolean(knownDevice), shared },
  });
  return { ok: true, ...(await startSession(db, user.id, input.userAgent, shared)), device };
}

export type SignupResult = ({ ok: true } & SignedIn) | { ok: false; reason: "email-taken" };

export type SignupInput = {
  email: string;
  displayName: string;
  password: string;
  preferredLocale: string;
  gender?: string | undefined;
  birthYear?: number | undefined;
  locationCode?: string | undefined;
  organisation?: string | undefined;
  userAgent: string | null;
  /** The browser's known-device tokens, kept for the other accounts they belong to. */
  deviceTokens: readonly string[];
};

/** Creates a trainee account and signs it in. Emails are unique whatever their case. */
export async function signUp(db: Db, input: SignupInput): Promise<SignupResult> {
  const passwordHash = await hashPassword(input.password);
  let userId: string;
  try {
    const user = await db.user.create({
      data: {
        email: input.email,
        displayName: input.displayName,
        passwordHash,
        roles: ["trainee"],
        preferredLocale: input.preferredLocale,
        gender: input.gender ?? "not-recorded",
        birthYear: input.birthYear ?? null,
        locationCode: input.locationCode ?? null,
        organisation: input.organisation || null,
      },
      select: { id: true },
    });
    userId = user.id;
  } catch (error) {
    if (isUniqueViolation(error)) return { ok: false, reason: "email-taken" };
    throw error;
  }
  const presented = await findPresentedDevices(db, input.deviceTokens);
  const device = await rememberDevice(db, { userId, presented });
  return { ok: true, ...(await startSession(db, userId, input.userAgent)), device };
}

export type PasswordChangeResult =
  | { ok: true }
  | { ok: false; reason: "wrong-password" }
  | { ok: false; reason: "rate-limited"; retryAfterSeconds: number };

/**
 * Replaces a password after checking the current one, and signs out every other session and
 * forgets every other known device: a password is usually changed because someone else may know
 * it. The check is throttled per account, since whoever holds a stolen session could otherwise
 * use this form to guess the password itself.
 */
export async function changePassword(
  db: Db,
  input: {
    userId: string;
    sessionId: string;
    currentPassword: string;
    newPassword: string;
    /** The browser's known-device tokens: this browser stays known. */
    deviceTokens: readonly string[];
  },
): Promise<PasswordChangeResult> {
  const throttle = await throttlePasswordCheck(db, input.userId);
  if (!throttle.allowed) {
    return { ok: false, reason: "rate-limited", retryAfterSeconds: throttle.retryAfterSeconds };
  }
  const user = await db.user.findUnique({
    where: { id: input.userId },
    select: { passwordHash: true },
  });
  if (!user?.passwordHash || !(await verifyPassword(user.passwordHash, input.currentPassword))) {
    return { ok: false, reason: "wrong-password" };
  }
  await resetRateLimit(db, throttleKeys.passwordCheck(input.userId));
  await db.user.update({
    where: { id: input.userId },
    data: { passwordHash: await hashPassword(input.newPassword) },
  });
  await invalidateUserSessions(db, input.userId, input.sessionId);
  await forgetOtherDevices(db, input.userId, input.deviceTokens);
  return { ok: true };
}
