// Fixtures of the permission matrix (permission-matrix.test.ts): two demo cohorts — A (Monrovia),
// whose objects every request points at, and B (Kathmandu), whose people are the outsiders — the
// seven actors' sessions, and the strings that identify cohort A's people and notes.
import { type Db, DEMO_COHORTS, demoLogins } from "@peacelearn/db";
import { recordInvitations } from "~/modules/cohorts/invitations.server";
import { createInvite, revokeInvite } from "~/modules/cohorts/invites.server";
import type { RouteOutcome } from "./route-call";
import { signIn as signInUser } from "./sign-in.server";

/** Columns of the matrix, in the order they are printed. */
export const ACTORS = [
  "anonymous",
  "trainee", // member of cohort A
  "otherTrainee", // member of cohort B only
  "otherTrainer", // trains cohort B only
  "trainer", // trains cohort A
  "staff", // programme staff: reports only
  "admin",
] as const;
export type Actor = (typeof ACTORS)[number];

/** Actors with no business in cohort A: everything they receive is checked for A's data. */
export const OUTSIDERS: ReadonlySet<Actor> = new Set([
  "anonymous",
  "otherTrainee",
  "otherTrainer",
  "staff",
]);

/**
 * ok 2xx · redirect 3xx elsewhere than /login · invalid 400 (past the guard, input refused) ·
 * login 3xx to /login · forbidden 403 · not-found 404 · gone 410.
 */
export const OUTCOMES = [
  "ok",
  "redirect",
  "invalid",
  "login",
  "forbidden",
  "not-found",
  "gone",
] as const;
export type Outcome = (typeof OUTCOMES)[number];
export const DENIALS: ReadonlySet<string> = new Set(["login", "forbidden", "not-found", "gone"]);

// Text no seed pool contains: the demo notes come from a shared pool, so only our own are A's.
const NOTE = "Matrix note of cohort A: met the district council clerk";
const SENSITIVE_NOTE = "Matrix sensitive note of cohort A: threatened after the hearing";
const FOLLOW_UP = "Matrix follow-up of cohort A: send the brief to the clerk";
const PLAN = "Matrix action plan of cohort A: the council funds a shelter";

export type MatrixFixture = {
  cohortA: string;
  cohortB: string;
  courseKey: string;
  moduleKey: string;
  lessonKey: string;
  /** The cohort-A trainee who is the "trainee" actor, with a certificate and an attempt. */
  traineeA: string;
  attemptA: string;
  certificateCodeA: string;
  traineeADisplayName: string;
  workshopA: string;
  /** Accompaniment sessions of cohort A recorded by A's trainer with traineeA. */
  accompanimentA: string;
  sensitiveAccompanimentA: string;
  /** A follow-up of `accompanimentA`, owned by traineeA and already done (posting it changes nothing). */
  doneFollowUpA: string;
  /** traineeA's advocacy action plan (ADR 033) and its first step. */
  planA: string;
  planStepA: string;
  /** Live invite links of cohort A: one to open, one a trainer of B might try to revoke. */
  liveInviteTokenA: string;
  spareInviteIdA: string;
  revokedInviteTokenA: string;
  /** An e-mail invitation of cohort A to an address without an account: nobody may answer it. */
  invitationIdA: string;
  cohortAName: string;
  tokens: Record<Actor, string | undefined>;
  userIds: Record<Exclude<Actor, "anonymous">, string>;
  /** Identifying strings of cohort A: its name, its members' e-mails and names, its notes. */
  secrets: string[];
  signIn(actor: Actor): Promise<string | undefined>;
};

async function cohortByKey(db: Db, key: (typeof DEMO_COHORTS)[number]["key"]) {
  const spec = DEMO_COHORTS.find((cohort) => cohort.key === key);
  if (!spec) throw new Error(`no demo cohort ${key}`);
  return db.cohort.findFirstOrThrow({
    where: { name: spec.name },
    select: {
      id: true,
      name: true,
      trainers: { select: { userId: true } },
      memberships: {
        orderBy: { user: { email: "asc" } },
        select: {
          user: {
            select: {
              id: true,
              email: true,
              displayName: true,
              certificates: { select: { verificationCode: true } },
              knowledgeCheckAttempts: { select: { id: true }, take: 1 },
            },
          },
        },
      },
    },
  });
}

const withCertificate = (member: {
  user: { certificates: unknown[]; knowledgeCheckAttempts: unknown[] };
}) => member.user.certificates.length > 0 && member.user.knowledgeCheckAttempts.length > 0;

/** Builds everything on a database seeded with `seedDemo`. */
export async function buildMatrixFixture(db: Db): Promise<MatrixFixture> {
  const [a, b] = [await cohortByKey(db, "monrovia"), await cohortByKey(db, "kathmandu")];
  const trainerA = a.trainers[0]?.userId;
  const trainerB = b.trainers[0]?.userId;
  const member = a.memberships.find(withCertificate)?.user;
  const outsider = b.memberships.find(withCertificate)?.user;
  if (!trainerA || !trainerB || !member || !outsider) throw new Error("demo data changed");
  const idOf = async (role: "admin" | "staff") => {
    const email = demoLogins.find((login) => login.role === role)?.email ?? "";
    return (await db.user.findUniqueOrThrow({ where: { email }, select: { id: true } })).id;
  };
  const course = await db.course.findFirstOrThrow({
    select: {
      key: true,
      modules: {
        orderBy: { position: "asc" },
        take: 1,
        select: {
          key: true,
          lessons: { orderBy: { position: "asc" }, take: 1, select: { key: true } },
        },
      },
    },
  });
  const workshop = await db.cohortSession.findFirstOrThrow({
    where: { cohortId: a.id },
    select: { id: true },
  });
  const occurredOn = new Date(Date.UTC(2026, 0, 15));
  const accompaniment = await db.accompanimentSession.create({
    data: {
      trainerId: trainerA,
      traineeId: member.id,
      cohortId: a.id,
      occurredOn,
      mode: "phone",
      activityType: "accompaniment",
      notes: NOTE,
      followUps: {
        create: [
          {
            ownerId: member.id,
            description: FOLLOW_UP,
            dueOn: occurredOn,
            status: "done",
            closedAt: occurredOn,
          },
        ],
      },
    },
    select: { id: true, followUps: { select: { id: true } } },
  });
  const sensitive = await db.accompanimentSession.create({
    data: {
      trainerId: trainerA,
      traineeId: member.id,
      cohortId: a.id,
      occurredOn,
      mode: "in-person",
      activityType: "accompaniment",
      notes: SENSITIVE_NOTE,
      isSensitive: true,
    },
    select: { id: true },
  });
  const plan = await db.advocacyPlan.create({
    data: {
      userId: member.id,
      change: PLAN,
      target: "District council",
      level: "community",
      steps: { create: [{ position: 1, description: "Meet the clerk", dueOn: occurredOn }] },
    },
    select: { id: true, steps: { select: { id: true } } },
  });
  const now = new Date();
  const invite = () =>
    createInvite(db, {
      cohortId: a.id,
      createdById: trainerA,
      expiresInDays: 30,
      maxUses: undefined,
      now,
    });
  const [live, spare, revoked] = [await invite(), await invite(), await invite()];
  await revokeInvite(db, { cohortId: a.id, inviteId: revoked.id, now });
  const invitationEmail = "matrix-no-account@nowhere.example";
  await recordInvitations(db, {
    cohortId: a.id,
    invitedById: trainerA,
    requests: [{ email: invitationEmail }],
    now,
  });
  const invitation = await db.cohortInvitation.findFirstOrThrow({
    where: { cohortId: a.id, email: invitationEmail },
    select: { id: true },
  });

  const userIds: Record<Exclude<Actor, "anonymous">, string> = {
    trainee: member.id,
    otherTrainee: outsider.id,
    otherTrainer: trainerB,
    trainer: trainerA,
    staff: await idOf("staff"),
    admin: await idOf("admin"),
  };
  const signIn = async (actor: Actor) =>
    actor === "anonymous" ? undefined : (await signInUser(db, userIds[actor])).token;
  const tokens = {} as Record<Actor, string | undefined>;
  for (const actor of ACTORS) tokens[actor] = await signIn(actor);

  // A name that someone outside cohort A also bears identifies nobody in A: leave it out.
  const namesElsewhere = new Set(
    (
      await db.user.findMany({
        where: { cohortMemberships: { none: { cohortId: a.id } } },
        select: { displayName: true },
      })
    ).map((user) => user.displayName),
  );
  const people = a.memberships.flatMap(({ user }) =>
    namesElsewhere.has(user.displayName) ? [user.email] : [user.email, user.displayName],
  );
  const firstModule = course.modules[0];
  const firstLesson = firstModule?.lessons[0];
  const attempt = member.knowledgeCheckAttempts[0];
  const certificate = member.certificates[0];
  const followUp = accompaniment.followUps[0];
  if (!firstModule || !firstLesson || !attempt || !certificate || !followUp) {
    throw new Error("demo data changed");
  }
  return {
    cohortA: a.id,
    cohortB: b.id,
    courseKey: course.key,
    moduleKey: firstModule.key,
    lessonKey: firstLesson.key,
    traineeA: member.id,
    attemptA: attempt.id,
    certificateCodeA: certificate.verificationCode,
    traineeADisplayName: member.displayName,
    workshopA: workshop.id,
    accompanimentA: accompaniment.id,
    sensitiveAccompanimentA: sensitive.id,
    doneFollowUpA: followUp.id,
    liveInviteTokenA: live.token,
    spareInviteIdA: spare.id,
    revokedInviteTokenA: revoked.token,
    invitationIdA: invitation.id,
    cohortAName: a.name,
    tokens,
    userIds,
    planA: plan.id,
    planStepA: plan.steps[0]?.id ?? "",
    secrets: [a.name, ...people, NOTE, SENSITIVE_NOTE, FOLLOW_UP, PLAN],
    signIn,
  };
}

/** The cell an outcome falls in (or "status N" for anything the legend does not name). */
export function classify(outcome: RouteOutcome): Outcome | `status ${number}` {
  const { status } = outcome;
  if (status >= 200 && status < 300) return "ok";
  if (status >= 300 && status < 400 && outcome instanceof Response) {
    const location = new URL(outcome.headers.get("Location") ?? "/", "http://x");
    return location.pathname === "/login" ? "login" : "redirect";
  }
  const named: Record<number, Outcome> = {
    400: "invalid",
    403: "forbidden",
    404: "not-found",
    410: "gone",
  };
  return named[status] ?? `status ${status}`;
}

/** Everything a browser would receive: headers that carry data, and the body or loader data. */
export async function receivedText(outcome: RouteOutcome): Promise<string> {
  if (!(outcome instanceof Response)) return JSON.stringify(outcome.data) ?? "";
  const headers = ["Location", "Content-Disposition", "Set-Cookie"]
    .map((name) => outcome.headers.get(name) ?? "")
    .join("\n");
  return `${headers}\n${await outcome.clone().text()}`;
}
