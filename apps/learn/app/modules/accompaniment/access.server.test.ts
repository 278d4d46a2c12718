import { describe, expect, it } from "vitest";
import {
  canReadNotes,
  canUpdateFollowUps,
  canViewSession,
  type SessionFacts,
  type Viewer,
  visibleSessionsWhere,
} from "./access.server";

const author: Viewer = { id: "author", isAdmin: false, trainedCohortIds: ["gulu"] };
const coTrainer: Viewer = { id: "co", isAdmin: false, trainedCohortIds: ["gulu"] };
const otherTrainer: Viewer = { id: "other", isAdmin: false, trainedCohortIds: ["monrovia"] };
const admin: Viewer = { id: "admin", isAdmin: true, trainedCohortIds: [] };

const sensitive: SessionFacts = { trainerId: "author", cohortId: "gulu", isSensitive: true };
const ordinary: SessionFacts = { ...sensitive, isSensitive: false };
const noCohort: SessionFacts = { trainerId: "author", cohortId: null, isSensitive: false };
const orphaned: SessionFacts = { trainerId: null, cohortId: "gulu", isSensitive: true };

describe("canReadNotes", () => {
  it("lets the author and admins read a sensitive note, and nobody else", () => {
    expect(canReadNotes(author, sensitive)).toBe(true);
    expect(canReadNotes(admin, sensitive)).toBe(true);
    expect(canReadNotes(coTrainer, sensitive)).toBe(false);
    expect(canReadNotes(otherTrainer, sensitive)).toBe(false);
  });

  it("lets the cohort's trainers read an ordinary note, not other cohorts' trainers", () => {
    expect(canReadNotes(coTrainer, ordinary)).toBe(true);
    expect(canReadNotes(otherTrainer, ordinary)).toBe(false);
  });

  it("keeps a note without a cohort to its author and admins", () => {
    expect(canReadNotes(coTrainer, noCohort)).toBe(false);
    expect(canReadNotes(author, noCohort)).toBe(true);
  });

  it("leaves a sensitive note whose author left to admins only (null never matches)", () => {
    const nobody: Viewer = { id: null as unknown as string, isAdmin: false, trainedCohortIds: [] };
    expect(canReadNotes(nobody, orphaned)).toBe(false);
    expect(canReadNotes(coTrainer, orphaned)).toBe(false);
    expect(canReadNotes(admin, orphaned)).toBe(true);
  });
});

describe("canViewSession and canUpdateFollowUps", () => {
  it("shows a session to its author, its cohort's trainers and admins", () => {
    expect(canViewSession(author, sensitive)).toBe(true);
    expect(canViewSession(coTrainer, sensitive)).toBe(true);
    expect(canViewSession(admin, sensitive)).toBe(true);
    expect(canViewSession(otherTrainer, sensitive)).toBe(false);
  });

  it("lets only the author and admins change follow-ups", () => {
    expect(canUpdateFollowUps(author, ordinary)).toBe(true);
    expect(canUpdateFollowUps(admin, ordinary)).toBe(true);
    expect(canUpdateFollowUps(coTrainer, ordinary)).toBe(false);
    expect(canUpdateFollowUps(otherTrainer, ordinary)).toBe(false);
  });
});

describe("visibleSessionsWhere", () => {
  it("is no restriction for admins", () => {
    expect(visibleSessionsWhere(admin)).toEqual({});
  });

  it("is the viewer's own sessions or their cohorts' sessions for a trainer", () => {
    expect(visibleSessionsWhere(otherTrainer)).toEqual({
      OR: [{ trainerId: "other" }, { cohortId: { in: ["monrovia"] } }],
    });
  });
});
