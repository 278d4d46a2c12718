import type { Db } from "@peacelearn/db";
import { generateSessionToken, sessionIdFromToken } from "./session.server";

// OWASP's "device cookie" (Slow Down Online Guessing Attacks with Device Cookies): a browser
// that has signed in to an account gets a token, and a login attempt carrying it is judged apart
// from everyone else's, so nobody can lock the owner out of her usual phone by guessing.
// The token is the same 160-bit random value as a session token and is stored, like it, only
// as its SHA-256: a leaked table names no usable device.

const DAY_MS = 24 * 60 * 60 * 1000;
/** How long a browser stays known without a login from it (each login renews it). */
export const KNOWN_DEVICE_LIFETIME_MS = 365 * DAY_MS;
/** Accounts one browser is known for: a phone shared in a family or a training room. */
const DEVICE_TOKENS_PER_BROWSER = 5;
/** Browsers one account is known on; the longest unused are forgotten first. */
const KNOWN_DEVICES_PER_ACCOUNT = 10;

const TOKEN = /^[a-z2-7]{32}$/;

/** The well-formed tokens in a device cookie's value, at most DEVICE_TOKENS_PER_BROWSER. */
export function parseDeviceTokens(value: string | null | undefined): string[] {
  if (!value) return [];
  const tokens = value.split(".").filter((token) => TOKEN.test(token));
  return [...new Set(tokens)].slice(0, DEVICE_TOKENS_PER_BROWSER);
}

/** A token the browser sent that is still valid, and the account it is bound to. */
export type PresentedDevice = { id: string; token: string; userId: string };

/**
 * The browser's tokens that are still valid, for any account. One query by token whatever the
 * account, so looking them up takes the same time whether or not the e-mail typed has one.
 */
export async function findPresentedDevices(
  db: Db,
  tokens: readonly string[],
  now = new Date(),
): Promise<PresentedDevice[]> {
  if (tokens.length === 0) return [];
  const byId = new Map(tokens.map((token) => [sessionIdFromToken(token), token]));
  const rows = await db.knownDevice.findMany({
    where: { id: { in: [...byId.keys()] }, expiresAt: { gt: now } },
    select: { id: true, userId: true },
  });
  return rows.flatMap((row) => {
    const token = byId.get(row.id);
    return token ? [{ id: row.id, token, userId: row.userId }] : [];
  });
}

export type RememberedDevice = {
  /** The value of the device cookie: this account's new token first, then the others'. */
  cookieTokens: string[];
  expiresAt: Date;
};

/**
 * After a successful login or sign-up: a new token for this browser and account, replacing the
 * one it presented (a copied cookie stops working once the owner signs in again). The browser
 * keeps its still-valid tokens for other accounts; the account keeps at most
 * KNOWN_DEVICES_PER_ACCOUNT browsers.
 */
export async function rememberDevice(
  db: Db,
  {
    userId,
    presented,
    now = new Date(),
  }: { userId: string; presented: PresentedDevice[]; now?: Date },
): Promise<RememberedDevice> {
  const token = generateSessionToken();
  const expiresAt = new Date(now.getTime() + KNOWN_DEVICE_LIFETIME_MS);
  const replaced = presented
    .filter((device) => device.userId === userId)
    .map((device) => device.id);
  await db.$transaction(async (tx) => {
    await tx.knownDevice.deleteMany({
      where: { userId, OR: [{ id: { in: replaced } }, { expiresAt: { lte: now } }] },
    });
    await tx.knownDevice.create({
      data: { id: sessionIdFromToken(token), userId, createdAt: now, expiresAt },
    });
    const surplus = await tx.knownDevice.findMany({
      where: { userId },
      orderBy: { createdAt: "desc" },
      skip: KNOWN_DEVICES_PER_ACCOUNT,
      select: { id: true },
    });
    if (surplus.length > 0) {
      await tx.knownDevice.deleteMany({ where: { id: { in: surplus.map((row) => row.id) } } });
    }
  });
  const others = presented.filter((device) => device.userId !== userId).map((d) => d.token);
  return {
    cookieTokens: [token, ...others].slice(0, DEVICE_TOKENS_PER_BROWSER),
    expiresAt,
  };
}

/**
 * Forgets every browser of the account except the ones whose tokens are given (the browser the
 * password is being changed on): whoever signed in with the old password loses the known-device
 * treatment with it.
 */
export async function forgetOtherDevices(db: Db, userId: string, keepTokens: readonly string[]) {
  const keep = keepTokens.map((token) => sessionIdFromToken(token));
  await db.knownDevice.deleteMany({ where: { userId, id: { notIn: keep } } });
}
