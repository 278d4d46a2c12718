import type { UserRole } from "@peacelearn/db/schemas";
import { data, href, redirect } from "react-router";
import { getDb } from "~/lib/db.server";
import { readSessionToken } from "./cookie.server";
import { type SessionUser, type ValidatedSession, validateSessionToken } from "./session.server";

/**
 * Trainees learn, trainers run cohorts and accompaniment, programme staff read reports, admins do
 * all. The list itself is @peacelearn/db's `userRoles`.
 */
type Role = UserRole;

// One validation per request, however many loaders ask.
const validated = new WeakMap<Request, Promise<ValidatedSession | null>>();

/** The signed-in session behind `request`, or null. */
export function getSession(request: Request): Promise<ValidatedSession | null> {
  let pending = validated.get(request);
  if (!pending) {
    const token = readSessionToken(request);
    pending = token ? getDb().then((db) => validateSessionToken(db, token)) : Promise.resolve(null);
    validated.set(request, pending);
  }
  return pending;
}

export async function getUser(request: Request): Promise<SessionUser | null> {
  return (await getSession(request))?.user ?? null;
}

function loginRedirect(request: Request) {
  const url = new URL(request.url);
  const back = `${url.pathname}${url.search}`;
  const params = back === "/" ? "" : `?${new URLSearchParams({ redirectTo: back })}`;
  return redirect(`${href("/login")}${params}`);
}

/** The signed-in user; anyone else is sent to the login page and brought back afterwards. */
export async function requireUser(request: Request): Promise<SessionUser> {
  const user = await getUser(request);
  if (!user) throw loginRedirect(request);
  return user;
}

export function hasRole(user: Pick<SessionUser, "roles">, role: Role) {
  // Admins can do what trainers can; everyone signed in is at least a trainee.
  if (user.roles.includes("admin")) return true;
  if (role === "trainee") return true;
  return user.roles.includes(role);
}

/** The signed-in user holding `role`; others get the 403 page (or the login page if anonymous). */
export async function requireRole(request: Request, role: Role): Promise<SessionUser> {
  const user = await requireUser(request);
  if (!hasRole(user, role)) throw data({ message: "forbidden" }, { status: 403 });
  return user;
}

/** Pages such as login and sign-up send a signed-in visitor to her learning instead. */
export async function requireAnonymous(request: Request): Promise<void> {
  if (await getUser(request)) throw redirect(href("/learning"));
}
