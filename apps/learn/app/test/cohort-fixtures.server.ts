// Helpers for the cohort tests (real database, demo data from seedDemo); people sign in with
// ./sign-in.server.
import { type Db, DEMO_COHORTS, demoLogins } from "@peacelearn/db";
import { TEST_ORIGIN } from "./route-call";
import { sessionCookie } from "./sign-in.server";

export type DemoCohortKey = (typeof DEMO_COHORTS)[number]["key"];

/** A demo cohort's id, its trainers and members (ordered by e-mail). */
export async function demoCohort(db: Db, key: DemoCohortKey) {
  const spec = DEMO_COHORTS.find((cohort) => cohort.key === key);
  if (!spec) throw new Error(`no demo cohort ${key}`);
  const cohort = await db.cohort.findFirstOrThrow({
    where: { name: spec.name },
    select: {
      id: true,
      name: true,
      courseId: true,
      trainers: { select: { userId: true } },
      memberships: {
        orderBy: { user: { email: "asc" } },
        select: { userId: true, joinedAt: true },
      },
    },
  });
  return {
    id: cohort.id,
    name: cohort.name,
    courseId: cohort.courseId,
    trainerIds: cohort.trainers.map((trainer) => trainer.userId),
    members: cohort.memberships,
  };
}

export async function demoAdminId(db: Db): Promise<string> {
  const admin = demoLogins.find((login) => login.role === "admin");
  if (!admin) throw new Error("no demo admin");
  return (await db.user.findUniqueOrThrow({ where: { email: admin.email }, select: { id: true } }))
    .id;
}

/** The session cookie of `token`, or no header for an anonymous browser. */
export const cookieFor = (token: string | undefined): Record<string, string> =>
  token ? sessionCookie(token) : {};

/** A multipart upload of one file, as a browser submits `<input type="file" name="file">`. */
export function fileUpload(path: string, file: File | null, token?: string): Request {
  const body = new FormData();
  if (file) body.append("file", file);
  return new Request(`${TEST_ORIGIN}${path}`, {
    method: "POST",
    headers: { Origin: TEST_ORIGIN, ...cookieFor(token) },
    body,
  });
}

let counter = 0;

/** A fresh account (password-less: tests sign in through sessions). */
export async function createPerson(
  db: Db,
  roles: string[] = ["trainee"],
  profile: { gender?: string; birthYear?: number | null; locationCode?: string | null } = {},
) {
  counter += 1;
  return db.user.create({
    data: {
      email: `person${counter}-${Date.now()}@test.example`,
      displayName: `Person ${counter}`,
      roles,
      ...profile,
    },
    select: { id: true, email: true, displayName: true },
  });
}
