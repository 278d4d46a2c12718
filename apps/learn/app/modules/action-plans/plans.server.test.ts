import type { Db } from "@peacelearn/db";
import { eraseUser } from "@peacelearn/db";
import { type CountryCode, countryCodes } from "@peacelearn/domain";
import { planInForce } from "@peacelearn/domain/naps";
import { describe, expect, it } from "vitest";
import { createCohort, createCourse } from "~/modules/courses/test-fixtures";
import { useTestDatabase } from "~/test/database";
import { signIn } from "~/test/sign-in.server";
import { planReaderRole } from "./access.server";
import { linkableFollowUps, linkFollowUp } from "./follow-up-links.server";
import { createPlan, listPlansOf, loadPlan, planFormOptions } from "./plans.server";
import { PlanFormSchema } from "./schema";

// A fixed day, so the plan in force does not change under the test when the calendar moves.
const NOW = new Date(Date.UTC(2024, 5, 1));
const DAY = "2024-06-01";

/** A programme country with a plan in force on DAY that lists its objectives (from the data). */
const COUNTRY = countryCodes.find((code) => {
  const plan = planInForce(code, DAY);
  return plan?.pillars.status === "sourced" && plan.pillars.value.some((p) => p.objectives.length);
}) as CountryCode;

let traineeId = "";
let trainerId = "";
let otherTrainerId = "";
let cohortId = "";
let moduleIds: string[] = [];

const getDb = useTestDatabase(async (db) => {
  const course = await createCourse(db, {
    key: "plans-course",
    modules: [
      { key: "m1", lessons: [{ key: "l1" }] },
      { key: "m2", lessons: [{ key: "l2" }] },
    ],
  });
  traineeId = (await signIn(db, { name: "Plan author" })).id;
  trainerId = (await signIn(db, { name: "Plan trainer", roles: ["trainee", "trainer"] })).id;
  otherTrainerId = (await signIn(db, { name: "Other trainer", roles: ["trainee", "trainer"] })).id;
  const cohort = await createCohort(db, {
    courseId: course.id,
    region: "west-africa",
    memberIds: [traineeId],
  });
  cohortId = cohort.id;
  await db.user.update({ where: { id: traineeId }, data: { locationCode: COUNTRY } });
  await db.cohortTrainer.create({ data: { cohortId, userId: trainerId } });
  await db.enrolment.create({ data: { userId: traineeId, courseId: course.id, source: "cohort" } });
  moduleIds = (
    await db.module.findMany({ where: { courseId: course.id }, orderBy: { position: "asc" } })
  ).map((module) => module.id);
});

const values = (overrides: Record<string, unknown> = {}) =>
  PlanFormSchema.parse({
    change: "The district council funds a shelter",
    target: "District council",
    level: "community",
    resolutions: ["1325", "1820"],
    steps: [
      { description: "Meet the council clerk", dueOn: "2027-01-15" },
      {},
      { description: "Present the brief", dueOn: "2027-02-01" },
    ],
    ...overrides,
  });

async function sessionWith(db: Db, trainer: string, description: string) {
  const session = await db.accompanimentSession.create({
    data: {
      trainerId: trainer,
      traineeId,
      cohortId,
      occurredOn: NOW,
      mode: "phone",
      activityType: "accompaniment",
      followUps: { create: [{ description, dueOn: NOW, ownerId: traineeId }] },
    },
    select: { followUps: { select: { id: true } } },
  });
  return session.followUps[0]?.id ?? "";
}

describe("planFormOptions", () => {
  it("offers the objectives of her country's plan in force and the modules of her courses", async () => {
    expect(COUNTRY).toBeDefined();
    const options = await planFormOptions(getDb(), traineeId, { locale: "en", now: NOW });
    const plan = planInForce(COUNTRY, DAY);
    expect(options.nap).toMatchObject({ id: plan?.id, inForce: true });
    const expected =
      plan?.pillars.status === "sourced"
        ? plan.pillars.value.flatMap((pillar) => pillar.objectives.map((o) => o.id))
        : [];
    expect(options.nap?.objectives.map((objective) => objective.id)).toEqual(expected);
    expect(options.modules.map((module) => module.id)).toEqual(moduleIds);
  });

  it("offers the latest plan's objectives, as not in force, when none is in force", async () => {
    // Years after every plan of the data has ended (the dataset stops in 2026).
    const later = new Date(Date.UTC(2040, 0, 1));
    expect(planInForce(COUNTRY, "2040-01-01")).toBeUndefined();
    const options = await planFormOptions(getDb(), traineeId, { locale: "en", now: later });
    expect(options.nap?.inForce).toBe(false);
    expect(options.nap?.objectives.length).toBeGreaterThan(0);
  });

  it("offers no objective when she has no country and no cohort", async () => {
    const loner = await signIn(getDb(), { name: "No country" });
    const options = await planFormOptions(getDb(), loner.id, { locale: "en", now: NOW });
    expect(options.nap).toBeNull();
    expect(options.modules).toEqual([]);
  });
});

describe("createPlan and loadPlan", () => {
  it("keeps the filled action rows in order, with the chosen objective, resolutions and modules", async () => {
    const db = getDb();
    const options = await planFormOptions(db, traineeId, { locale: "en", now: NOW });
    const objective = options.nap?.objectives[0]?.id ?? "";
    const created = await createPlan(db, {
      userId: traineeId,
      values: values({ napObjectiveIds: [objective], moduleIds: [moduleIds[1]] }),
      options,
    });
    if (!created.ok) throw new Error("refused");
    const plan = await loadPlan(db, created.id, { locale: "en" });
    expect(plan?.steps.map((step) => [step.position, step.description])).toEqual([
      [1, "Meet the council clerk"],
      [2, "Present the brief"],
    ]);
    expect(plan?.napObjectives).toEqual([
      expect.objectContaining({ id: objective, planId: options.nap?.id }),
    ]);
    expect(plan?.resolutions).toEqual(["1325", "1820"]);
    expect(plan?.modules.map((module) => module.id)).toEqual([moduleIds[1]]);
    const list = await listPlansOf(db, traineeId);
    expect(list[0]).toMatchObject({ id: created.id, stepCount: 2, level: "community" });
    expect(list[0]?.nextDueOn?.toISOString().slice(0, 10)).toBe("2027-01-15");
  });

  it("refuses an objective or a module the form did not offer, naming the field, writing nothing", async () => {
    const db = getDb();
    const options = await planFormOptions(db, traineeId, { locale: "en", now: NOW });
    const before = await db.advocacyPlan.count();
    // An objective of another plan than the one in force (RW-2.p1.o1 is Rwanda's, or stale).
    const foreign = COUNTRY === "RW" ? "LR-1.p1.o1" : "RW-2.p1.o1";
    expect(
      await createPlan(db, {
        userId: traineeId,
        values: values({ napObjectiveIds: [foreign] }),
        options,
      }),
    ).toEqual({ ok: false, field: "napObjectiveIds" });
    expect(
      await createPlan(db, {
        userId: traineeId,
        values: values({ moduleIds: ["not-a-module"] }),
        options,
      }),
    ).toEqual({ ok: false, field: "moduleIds" });
    expect(await db.advocacyPlan.count()).toBe(before);
  });
});

describe("schema", () => {
  it("names the field of each mistake", () => {
    const result = PlanFormSchema.safeParse({
      change: " ",
      target: "x".repeat(301),
      level: "galactic",
      resolutions: ["9999"],
      steps: [{ description: "Meet" }],
    });
    expect(result.success).toBe(false);
    const paths = result.error?.issues.map((issue) => issue.path.join(".")).sort();
    expect(paths).toEqual(["change", "level", "resolutions.0", "steps.0.dueOn", "target"]);
  });

  it("needs at least one action", () => {
    const result = PlanFormSchema.safeParse({
      change: "c",
      target: "t",
      level: "national",
      steps: [{}],
    });
    expect(result.error?.issues.map((issue) => issue.path.join("."))).toEqual(["steps"]);
  });
});

describe("who reads a plan", () => {
  const plan = { ownerId: "her", ownerCohortIds: ["a"] };
  it("is her, the trainers of her cohorts and admins, nobody else", () => {
    const viewer = (id: string, trained: string[] = [], isAdmin = false) => ({
      id,
      isAdmin,
      trainedCohortIds: trained,
    });
    expect(planReaderRole(viewer("her"), plan)).toBe("author");
    expect(planReaderRole(viewer("t", ["b", "a"]), plan)).toBe("trainer");
    expect(planReaderRole(viewer("x", [], true), plan)).toBe("admin");
    expect(planReaderRole(viewer("t", ["b"]), plan)).toBeNull();
    expect(planReaderRole(viewer("peer"), plan)).toBeNull();
  });
});

describe("linking follow-ups to steps", () => {
  it("links a follow-up of the trainer's own session about her, once, to one step", async () => {
    const db = getDb();
    const options = await planFormOptions(db, traineeId, { locale: "en", now: NOW });
    const created = await createPlan(db, { userId: traineeId, values: values(), options });
    if (!created.ok) throw new Error("refused");
    const plan = await loadPlan(db, created.id, { locale: "en" });
    const [first, second] = plan?.steps ?? [];
    if (!first || !second) throw new Error("steps");
    const mine = await sessionWith(db, trainerId, "Send the brief to the clerk");
    const theirs = await sessionWith(db, otherTrainerId, "Someone else's follow-up");
    const trainer = { id: trainerId, isAdmin: false, trainedCohortIds: [cohortId] };

    expect((await linkableFollowUps(db, trainer, traineeId)).map((f) => f.id)).toEqual([mine]);
    const link = (followUpId: string, stepId: string, viewer = trainer) =>
      linkFollowUp(db, viewer, { planId: created.id, stepId, followUpId });
    expect(await link(theirs, first.id)).toBe("follow-up-not-allowed");
    expect(await link(mine, "another-step")).toBe("step-not-found");
    expect(await link(mine, first.id)).toBe("linked");
    expect(await link(mine, first.id)).toBe("linked");
    expect(await link(mine, second.id)).toBe("follow-up-not-allowed");
    expect(await linkableFollowUps(db, trainer, traineeId)).toEqual([]);
    const reloaded = await loadPlan(db, created.id, { locale: "en" });
    expect(reloaded?.steps[0]?.followUps.map((f) => f.description)).toEqual([
      "Send the brief to the clerk",
    ]);
    expect(reloaded?.steps[1]?.followUps).toEqual([]);
    // An admin may link any follow-up about her.
    const adminId = (await signIn(db, { name: "Admin", roles: ["trainee", "admin"] })).id;
    const admin = { id: adminId, isAdmin: true, trainedCohortIds: [] };
    expect(await link(theirs, second.id, admin)).toBe("linked");
    const linkedBy = await db.advocacyStepFollowUp.findUnique({
      where: { followUpActionId: theirs },
    });
    expect(linkedBy?.linkedById).toBe(adminId);
  });
});

describe("erasure", () => {
  it("deletes her plans with their steps", async () => {
    const db = getDb();
    const person = await signIn(db, { name: "Erased author" });
    const options = await planFormOptions(db, person.id, { locale: "en", now: NOW });
    const created = await createPlan(db, { userId: person.id, values: values(), options });
    if (!created.ok) throw new Error("refused");
    await eraseUser(db, person.id, { actorId: null });
    expect(await db.advocacyPlan.count({ where: { userId: person.id } })).toBe(0);
    expect(await db.advocacyPlanStep.count({ where: { planId: created.id } })).toBe(0);
  });
});
