import { sha256 } from "@oslojs/crypto/sha2";
import { encodeBase32LowerCaseNoPadding, encodeHexLowerCase } from "@oslojs/encoding";
import { type Db, preparedStatement, queryPrepared } from "@peacelearn/db";
import { z } from "zod";

// Lucia's session design (lucia-auth.com/sessions): the browser holds a random token, the
// database holds only its SHA-256, so a leaked table yields no usable session.
const DAY_MS = 24 * 60 * 60 * 1000;
export const SESSION_LIFETIME_MS = 30 * DAY_MS;
/** Sliding expiry: a session used in its second half is pushed out to a full 30 days again. */
const RENEW_WHEN_LEFT_MS = 15 * DAY_MS;
/** `lastUsedAt` is written at most this often, so reading pages does not mean writing rows. */
const TOUCH_EVERY_MS = 60 * 60 * 1000;

export type SessionUser = {
  id: string;
  email: string;
  displayName: string;
  roles: string[];
  preferredLocale: string;
};

export type ValidatedSession = {
  session: { id: string; expiresAt: Date; renewed: boolean };
  user: SessionUser;
};

const sessionWithUser = preparedStatement(
  "session_with_user",
  `SELECT (extract(epoch FROM s."expiresAt") * 1000)::float8 AS "expiresAt",
          (extract(epoch FROM s."lastUsedAt") * 1000)::float8 AS "lastUsedAt",
          u."id", u."email"::text AS "email", u."displayName", u."roles"::text[] AS "roles",
          u."preferredLocale", u."erasedAt" IS NOT NULL AS "erased"
   FROM "Session" s JOIN "User" u ON u."id" = s."userId"
   WHERE s."id" = $1`,
);

const epochMs = z.number().transform((ms) => new Date(ms));

const SessionRowSchema = z.object({
  expiresAt: epochMs,
  lastUsedAt: epochMs,
  id: z.string(),
  email: z.string(),
  displayName: z.string(),
  roles: z.array(z.string()),
  preferredLocale: z.string(),
  erased: z.boolean(),
});

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
  now = new Date(),
) {
  return db.session.create({
    data: {
      id: sessionIdFromToken(token),
      userId,
      userAgent: userAgent?.slice(0, 512) ?? null,
      createdAt: now,
      lastUsedAt: now,
      expiresAt: new Date(now.getTime() + SESSION_LIFETIME_MS),
    },
    select: { id: true, expiresAt: true },
  });
}

/**
 * The session and user behind a token, or null when the token is unknown, expired, revoked or
 * belongs to an erased user. Expired sessions are deleted on sight.
 */
export async function validateSessionToken(
  db: Db,
  token: string,
  now = new Date(),
): Promise<ValidatedSession | null> {
  if (!/^[a-z2-7]{32}$/.test(token)) return null;
  const id = sessionIdFromToken(token);
  // Every signed-in page asks this (see docs/decisions/009-hot-path-queries.md).
  const rows = await queryPrepared(db, sessionWithUser, [id]);
  const row = rows.length > 0 ? SessionRowSchema.parse(rows[0]) : null;
  if (!row) return null;
  if (now.getTime() >= row.expiresAt.getTime() || row.erased) {
    await db.session.deleteMany({ where: { id } });
    return null;
  }

  let expiresAt = row.expiresAt;
  const renewed = expiresAt.getTime() - now.getTime() < RENEW_WHEN_LEFT_MS;
  if (renewed) expiresAt = new Date(now.getTime() + SESSION_LIFETIME_MS);
  if (renewed || now.getTime() - row.lastUsedAt.getTime() > TOUCH_EVERY_MS) {
    await db.session.update({ where: { id }, data: { expiresAt, lastUsedAt: now } });
  }

  const { expiresAt: _expires, lastUsedAt: _lastUsed, erased: _erased, ...user } = row;
  return { session: { id, expiresAt, renewed }, user };
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
