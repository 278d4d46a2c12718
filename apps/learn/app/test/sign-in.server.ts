// The one way tests sign a person in: a real user row and a real session, as login makes them.
import { randomBytes } from "node:crypto";
import type { Db } from "@peacelearn/db";
import { SESSION_COOKIE } from "~/modules/auth/cookie.server";
import { createSession, generateSessionToken } from "~/modules/auth/session.server";

/** A person to create: every field optional (a trainee with a unique address by default). */
export type NewPerson = {
  roles?: string[];
  /** Display name, and the start of a generated e-mail; default the e-mail's local part, else "trainee". */
  name?: string;
  email?: string;
  gender?: string;
  locationCode?: string;
  organisation?: string;
};

export type SignedIn = {
  id: string;
  /** The session token: `pageGet(path, token)`. */
  token: string;
  /** `{ Cookie }` headers carrying the session, for `formPost(path, fields, cookie)`. */
  cookie: { Cookie: string };
};

/** Signs in an existing user (by id) or a new person (created first), with a fresh session. */
export async function signIn(db: Db, who: string | NewPerson = {}): Promise<SignedIn> {
  const id = typeof who === "string" ? who : await createPerson(db, who);
  const token = generateSessionToken();
  await createSession(db, token, id, "vitest");
  return { id, token, cookie: sessionCookie(token) };
}

/** The `Cookie` header of a signed-in browser. */
export function sessionCookie(token: string): { Cookie: string } {
  return { Cookie: `${SESSION_COOKIE}=${token}` };
}

async function createPerson(db: Db, person: NewPerson): Promise<string> {
  const name = person.name ?? person.email?.split("@")[0] ?? "trainee";
  const user = await db.user.create({
    data: {
      email: person.email ?? `${name}-${randomBytes(4).toString("hex")}@example.org`,
      displayName: name,
      roles: person.roles ?? ["trainee"],
      ...(person.gender ? { gender: person.gender } : {}),
      locationCode: person.locationCode ?? null,
      organisation: person.organisation ?? null,
    },
    select: { id: true },
  });
  return user.id;
}
