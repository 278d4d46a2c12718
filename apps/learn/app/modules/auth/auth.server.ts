import { consumeRateLimit, type Db, isUniqueViolation, resetRateLimit } from "@peacelearn/db";
import { hashPassword, verifyAgainstDummy, verifyPassword } from "./password.server";
import { LOGIN_LIMITS } from "./rate-limit.server";
import { createSession, generateSessionToken, invalidateUserSessions } from "./session.server";

export type NewSession = { token: string; expiresAt: Date; userId: string };

export type LoginResult =
  | ({ ok: true } & NewSession)
  | { ok: false; reason: "invalid-credentials" }
  | { ok: false; reason: "rate-limited"; retryAfterSeconds: number };

async function startSession(db: Db, userId: string, userAgent: string | null): Promise<NewSession> {
  const token = generateSessionToken();
  const session = await createSession(db, token, userId, userAgent);
  return { token, expiresAt: session.expiresAt, userId };
}

/**
 * Checks an email and password. Attempts are limited per account and per client address before
 * the password is even looked at, so guessing is slow whichever is rotated; a success clears the
 * account's counter. Unknown email and wrong password give the same answer in the same time.
 */
export async function logIn(
  db: Db,
  input: { email: string; password: string; clientAddress: string; userAgent: string | null },
): Promise<LoginResult> {
  const now = new Date();
  const accountKey = `login:account:${input.email}`;
  const limits = await Promise.all([
    consumeRateLimit(db, accountKey, LOGIN_LIMITS.perAccount, now),
    consumeRateLimit(db, `login:ip:${input.clientAddress}`, LOGIN_LIMITS.perAddress, now),
  ]);
  const blocked = limits.filter((limit) => !limit.allowed);
  if (blocked.length > 0) {
    return {
      ok: false,
      reason: "rate-limited",
      retryAfterSeconds: Math.max(...blocked.map((limit) => limit.retryAfterSeconds)),
    };
  }

  const user = await db.user.findUnique({
    where: { email: input.email },
    select: { id: true, passwordHash: true, erasedAt: true },
  });
  if (!user?.passwordHash || user.erasedAt) {
    await verifyAgainstDummy(input.password);
    return { ok: false, reason: "invalid-credentials" };
  }
  if (!(await verifyPassword(user.passwordHash, input.password))) {
    return { ok: false, reason: "invalid-credentials" };
  }
  await resetRateLimit(db, accountKey);
  return { ok: true, ...(await startSession(db, user.id, input.userAgent)) };
}

export type SignupResult = ({ ok: true } & NewSession) | { ok: false; reason: "email-taken" };

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
};

/** Creates a trainee account and signs it in. Emails are unique whatever their case. */
export async function signUp(db: Db, input: SignupInput): Promise<SignupResult> {
  const passwordHash = await hashPassword(input.password);
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
    return { ok: true, ...(await startSession(db, user.id, input.userAgent)) };
  } catch (error) {
    if (isUniqueViolation(error)) return { ok: false, reason: "email-taken" };
    throw error;
  }
}

export type PasswordChangeResult = { ok: true } | { ok: false; reason: "wrong-password" };

/**
 * Replaces a password after checking the current one, and signs out every other session: a
 * password is usually changed because someone else may know it.
 */
export async function changePassword(
  db: Db,
  input: { userId: string; sessionId: string; currentPassword: string; newPassword: string },
): Promise<PasswordChangeResult> {
  const user = await db.user.findUnique({
    where: { id: input.userId },
    select: { passwordHash: true },
  });
  if (!user?.passwordHash || !(await verifyPassword(user.passwordHash, input.currentPassword))) {
    return { ok: false, reason: "wrong-password" };
  }
  await db.user.update({
    where: { id: input.userId },
    data: { passwordHash: await hashPassword(input.newPassword) },
  });
  await invalidateUserSessions(db, input.userId, input.sessionId);
  return { ok: true };
}
