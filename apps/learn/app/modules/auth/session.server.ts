import { sha256 } from "@oslojs/crypto/sha2";
import { encodeBase32LowerCaseNoPadding, encodeHexLowerCase } from "@oslojs/encoding";
import type { Db } from "@peacelearn/db";
import { sessionWithUser } from "./session.sql.server";

// Lucia's session design (lucia-auth.com/sessions): the browser holds a random token, the
// database holds only its SHA-256, so a leaked table yields no usable session.
const DAY_MS = 24 * 60 * 60 * 1000;
export const SESSION_LIFETIME_MS = 30 * DAY_MS;
/** Sliding expiry: a session used in its second half is pushed out to a full 30 days again. */
const RENEW_WHEN_LEFT_MS = 15 * DAY_MS;
/** `lastUsedAt` is written at most this often, so reading pages does not mean writing rows. */
const TOUCH_EVERY_MS = 60 * 60 * 1000;

/**
 * A shared-phone session ("this phone is not only mine", issue 12): it ends after this long
 * without a request — reading one lesson on a slow link fits, an evening left open does not —
 * and after SHARED_LIFETIME_MS whatever happens; its cookie ends when the browser closes.
 */
export const SHARED_IDLE_MS = 20 * 60 * 1000;
const SHARED_LIFETIME_MS = 12 * 60 * 60 * 1000;
/** A shared session's idle clock is kept to the minute. */
const SHARED_TOUCH_EVERY_MS = 60 * 1000;

export type SessionUser = {
  id: string;
  email: string;
  displayName: string;
  roles: string[];
  preferredLocale: string;
};

export type ValidatedSession = {
  session: { id: string; expiresAt: Date; renewed: boolean; shared: boolean };
  user: SessionUser;
};

/** 20 random bytes (160 bits), base32: the value of the session cookie. */
export function generateSessionToken(): string {
  const bytes = new Uint8Array(20);
  crypto.getRandomValues(bytes);
  return encodeBase32LowerCaseNoPadding(bytes);
}

/** The id under which a token's session is stored: hex SHA-256 of the token. */
export function sessionIdFromToken(token: string): string {
  return encodeHexLowerCase(sha256(new TextEncoder().encode(token)));
}

export async function createSession(
  db: Db,
  token: string,
  userId: string,
  userAgent: string | null,
  { now = new Date(), shared = false }: { now?: Date; shared?: boolean } = {},
) {
  return db.session.create({
    data: {
      id: sessionIdFromToken(token),
      userId,
      userAgent: userAgent?.slice(0, 512) ?? null,
      createdAt: now,
      lastUsedAt: now,
      expiresAt: new Date(now.getTime() + (shared ? SHARED_LIFETIME_MS : SESSION_LIFETIME_MS)),
      shared,
    },
    select: { id: true, expiresAt: true, shared: true },
  });
}

/**
 * The session and user behind a token, or null when the token is unknown, expired, revoked or
 * belongs to an erased or deactivated user. Expired sessions are deleted on sight.
 */
export async function validateSessionToken(
  db: Db,
  token: string,
  now = new Date(),
): Promise<ValidatedSession | null> {
  if (!/^[a-z2-7]{32}$/.test(token)) return null;
  const id = sessionIdFromToken(token);
  // Every signed-in page asks this (see docs/decisions/009-hot-path-queries.md).
  const row = await sessionWithUser.one(db, id);
  if (!row) return null;
  const idle = now.getTime() - row.lastUsedAt.getTime();
  if (
    now.getTime() >= row.expiresAt.getTime() ||
    row.closed ||
    (row.shared && idle >= SHARED_IDLE_MS)
  ) {
    await db.session.deleteMany({ where: { id } });
    return null;
  }

  let expiresAt = row.expiresAt;
  // A shared session is never extended: it has a fixed end, its cookie none.
  const renewed = !row.shared && expiresAt.getTime() - now.getTime() < RENEW_WHEN_LEFT_MS;
  if (renewed) expiresAt = new Date(now.getTime() + SESSION_LIFETIME_MS);
  if (renewed || idle > (row.shared ? SHARED_TOUCH_EVERY_MS : TOUCH_EVERY_MS)) {
    await db.session.update({ where: { id }, data: { expiresAt, lastUsedAt: now } });
  }

  const { expiresAt: _expires, lastUsedAt: _lastUsed, closed: _closed, shared, ...user } = row;
  return { session: { id, expiresAt, renewed, shared }, user };
}

export async function invalidateSession(db: Db, sessionId: string) {
  await db.session.deleteMany({ where: { id: sessionId } });
}

/** Signs a user out everywhere, optionally keeping the session they are using now. */
export async function invalidateUserSessions(db: Db, userId: string, exceptSessionId?: string) {
  await db.session.deleteMany({
    where: { userId, ...(exceptSessionId ? { id: { not: exceptSessionId } } : {}) },
  });
}
