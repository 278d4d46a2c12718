import { describe, expect, it } from "vitest";
import { validateSessionToken } from "~/modules/auth/session.server";
import { createCohort, createCourse } from "~/modules/courses/test-fixtures";
import { action as adminUserAction, loader as adminUserLoader } from "~/routes/admin/users/user";
import { action as loginAction } from "~/routes/login";
import { action as recoverAction, loader as recoverLoader } from "~/routes/recover";
import {
  action as traineeAction,
  loader as traineeLoader,
} from "~/routes/trainer/cohorts/trainees/trainee";
import { useTestDatabase } from "~/test/database";
import { callRoute, formPost, pageGet } from "~/test/route-call";
import { signIn } from "~/test/sign-in.server";

// Issue 12: a trainee who forgot her password gets back in with a code her trainer issued, keeps
// her progress, and the audit log shows who issued it. Staff are recovered by an admin only.

const getDb = useTestDatabase();
const NEW_PASSWORD = "the river runs to the sea";

async function cohortWith(memberIds: string[]) {
  const db = getDb();
  const course = await createCourse(db, {
    key: `recover-${memberIds.length}-${Math.random().toString(36).slice(2, 8)}`,
    modules: [{ key: "m1", lessons: [{ key: "a" }, { key: "b" }] }],
  });
  const cohort = await createCohort(db, { courseId: course.id, region: "west-africa", memberIds });
  return { course, cohortId: cohort.id };
}

async function emailOf(userId: string) {
  const user = await getDb().user.findUniqueOrThrow({ where: { id: userId } });
  return user.email;
}

function traineePage(cohortId: string, userId: string) {
  return `/trainer/cohorts/${cohortId}/trainees/${userId}`;
}

async function issueAsTrainer(token: string, cohortId: string, userId: string) {
  return callRoute(
    traineeAction,
    formPost(
      traineePage(cohortId, userId),
      { intent: "recovery-code" },
      {
        Cookie: `peacelearn_session=${token}`,
      },
    ),
    { params: { cohortId, userId } },
  );
}

function recover(fields: Record<string, string>) {
  return callRoute(recoverAction, formPost("/recover", fields));
}

describe("a trainee who forgot her password", () => {
  it("gets back in with a code her trainer issued, keeps her progress, and the audit names the trainer", async () => {
    const db = getDb();
    const trainee = await signIn(db, {
      name: "Mariama Diallo",
      email: "mariama.diallo@example.org",
    });
    const trainer = await signIn(db, { name: "Trainer", roles: ["trainee", "trainer"] });
    const { course, cohortId } = await cohortWith([trainee.id]);
    await db.cohortTrainer.create({ data: { cohortId, userId: trainer.id } });
    const lessonId = course.lessonIds["m1/a"] as string;
    await db.lessonProgress.create({
      data: { userId: trainee.id, lessonId, completedAt: new Date() },
    });

    const page = await callRoute(
      traineeLoader,
      pageGet(traineePage(cohortId, trainee.id), trainer.token),
      {
        params: { cohortId, userId: trainee.id },
      },
    );
    expect(page).toHaveStatus(200);
    expect((page as { data: { recovery: string } }).data.recovery).toBe("allowed");

    const issued = await issueAsTrainer(trainer.token, cohortId, trainee.id);
    expect(issued).toHaveStatus(200);
    const code = (issued as { data: { issued: { code: string } } }).data.issued.code;
    expect(code).toMatch(/^\w{4}-\w{4}-\w{4}$/);

    const email = await emailOf(trainee.id);
    const outcome = await recover({
      email,
      code: code.toLowerCase(),
      newPassword: NEW_PASSWORD,
      confirmPassword: NEW_PASSWORD,
    });
    expect(outcome).toRedirectTo("/learning");
    const cookies = (outcome as Response).headers.getSetCookie().join("\n");
    expect(cookies).toMatch(/peacelearn_session=[a-z2-7]{32};/);
    // Her old session ended; her progress is hers still.
    expect(await validateSessionToken(db, trainee.token)).toBeNull();
    expect(await db.lessonProgress.count({ where: { userId: trainee.id, lessonId } })).toBe(1);
    expect(await db.user.count({ where: { displayName: "Mariama Diallo" } })).toBe(1);

    // She can log in with the new password.
    const login = await callRoute(
      loginAction,
      formPost("/login", { email, password: NEW_PASSWORD }),
    );
    expect(login).toHaveStatus(303);

    const audit = await db.auditEvent.findMany({
      where: { subjectId: trainee.id, action: { startsWith: "user.recovery-code" } },
      orderBy: { at: "asc" },
    });
    expect(audit.map((event) => [event.action, event.actorId])).toEqual([
      ["user.recovery-code.issued", trainer.id],
      ["user.recovery-code.used", trainee.id],
    ]);
  });

  it("on a phone that is not only hers, gets a session that ends with the browser", async () => {
    const db = getDb();
    const trainee = await signIn(db, { name: "Shared Phone", email: "shared.phone@example.org" });
    const trainer = await signIn(db, { name: "Trainer", roles: ["trainee", "trainer"] });
    const { cohortId } = await cohortWith([trainee.id]);
    await db.cohortTrainer.create({ data: { cohortId, userId: trainer.id } });
    const issued = await issueAsTrainer(trainer.token, cohortId, trainee.id);
    const code = (issued as { data: { issued: { code: string } } }).data.issued.code;
    const outcome = await recover({
      email: "shared.phone@example.org",
      code,
      newPassword: NEW_PASSWORD,
      confirmPassword: NEW_PASSWORD,
      sharedDevice: "on",
    });
    expect(outcome).toRedirectTo("/learning");
    const cookies = (outcome as Response).headers.getSetCookie();
    const session = cookies.find((cookie) => cookie.startsWith("peacelearn_session=")) ?? "";
    expect(session).toMatch(/^peacelearn_session=[a-z2-7]{32};/);
    expect(session).not.toMatch(/Expires=/);
    expect(cookies.some((cookie) => cookie.startsWith("peacelearn_device="))).toBe(false);
    const row = await db.session.findFirstOrThrow({ where: { userId: trainee.id } });
    expect(row.shared).toBe(true);
  });

  it("is told which fields to fix, keeps her e-mail, and never gets her code or passwords back", async () => {
    const outcome = await recover({ email: "not-an-address", code: "", newPassword: "short" });
    expect(outcome).toHaveStatus(400);
    const reply = JSON.stringify(outcome);
    for (const field of ["email", "code", "newPassword", "confirmPassword"]) {
      expect(reply).toContain(`"${field}"`);
    }
    expect(reply).toContain("not-an-address");
    expect(reply).not.toContain('"short"');
  });

  it("gets one answer for a wrong code, without learning whether the address has an account", async () => {
    const db = getDb();
    const person = await signIn(db, { name: "Namesake" });
    const fields = {
      code: "7KQ2-9XMD-4T0B",
      newPassword: NEW_PASSWORD,
      confirmPassword: NEW_PASSWORD,
    };
    const known = await recover({ ...fields, email: await emailOf(person.id) });
    const unknown = await recover({ ...fields, email: "nobody-here@example.org" });
    expect(known).toHaveStatus(400);
    expect(unknown).toHaveStatus(400);
    const errors = (outcome: unknown) =>
      (outcome as { data: { result: { error: unknown } } }).data.result.error;
    expect(errors(known)).toEqual(errors(unknown));
    expect(JSON.stringify(errors(known))).toContain("auth:errors.codeNotAccepted");
  });

  it("is pointed to the recovery page from the login page, which a signed-in person skips", async () => {
    expect(await callRoute(recoverLoader, pageGet("/recover"))).toHaveStatus(200);
    const signedIn = await signIn(getDb());
    expect(await callRoute(recoverLoader, pageGet("/recover", signedIn.token))).toRedirectTo(
      "/learning",
    );
  });
});

describe("who may issue a recovery code", () => {
  it("a trainer only for her cohort's trainees, never for staff, trainers or admins", async () => {
    const db = getDb();
    const trainer = await signIn(db, { name: "TrainerA", roles: ["trainee", "trainer"] });
    const staffMember = await signIn(db, { name: "Staff", roles: ["trainee", "staff"] });
    const stranger = await signIn(db, { name: "Stranger" });
    const { cohortId } = await cohortWith([staffMember.id]);
    await db.cohortTrainer.create({ data: { cohortId, userId: trainer.id } });

    const page = await callRoute(
      traineeLoader,
      pageGet(traineePage(cohortId, staffMember.id), trainer.token),
      { params: { cohortId, userId: staffMember.id } },
    );
    expect((page as { data: { recovery: string } }).data.recovery).toBe("through-admin");
    expect(await issueAsTrainer(trainer.token, cohortId, staffMember.id)).toHaveStatus(403);
    expect(await issueAsTrainer(trainer.token, cohortId, stranger.id)).toHaveStatus(404);

    // A trainer of another cohort: the cohort guard refuses before anything else.
    const otherTrainer = await signIn(db, { name: "TrainerB", roles: ["trainee", "trainer"] });
    expect(await issueAsTrainer(otherTrainer.token, cohortId, staffMember.id)).toHaveStatus(403);
    const refused = { userId: { in: [staffMember.id, stranger.id] } };
    expect(await db.recoveryCode.count({ where: refused })).toBe(0);
    expect(
      await db.auditEvent.count({
        where: { action: "user.recovery-code.issued", subjectId: refused.userId },
      }),
    ).toBe(0);
  });

  it("an admin for anyone but herself, staff included", async () => {
    const db = getDb();
    const admin = await signIn(db, { name: "Admin", roles: ["trainee", "admin"] });
    const staffMember = await signIn(db, { name: "StaffTwo", roles: ["trainee", "staff"] });
    const post = (userId: string) =>
      callRoute(
        adminUserAction,
        formPost(
          `/admin/users/${userId}`,
          { intent: "recovery-code" },
          {
            Cookie: `peacelearn_session=${admin.token}`,
          },
        ),
        { params: { userId } },
      );
    const issued = await post(staffMember.id);
    expect(issued).toHaveStatus(200);
    const code = (issued as { data: { issued: { code: string } } }).data.issued.code;
    expect(
      await recover({
        email: await emailOf(staffMember.id),
        code,
        newPassword: NEW_PASSWORD,
        confirmPassword: NEW_PASSWORD,
      }),
    ).toRedirectTo("/learning");

    expect(await post(admin.id)).toHaveStatus(403);
    expect(await post("no-such-user")).toHaveStatus(404);
    // Her own page offers no code; the roles form still works as before (no intent).
    const own = await callRoute(adminUserLoader, pageGet(`/admin/users/${admin.id}`, admin.token), {
      params: { userId: admin.id },
    });
    expect((own as { data: { isSelf: boolean } }).data.isSelf).toBe(true);
    const roles = await callRoute(
      adminUserAction,
      formPost(
        `/admin/users/${staffMember.id}`,
        { roles: ["trainee", "trainer"] },
        {
          Cookie: `peacelearn_session=${admin.token}`,
        },
      ),
      { params: { userId: staffMember.id } },
    );
    expect(roles).toHaveStatus(200);
    expect((await db.user.findUniqueOrThrow({ where: { id: staffMember.id } })).roles).toEqual([
      "trainee",
      "trainer",
    ]);
  });
});
