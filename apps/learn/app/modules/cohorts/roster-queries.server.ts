import type { Db } from "@peacelearn/db";
import { type RosterMemberRow, rosterMembers } from "./roster.sql.server";

export type { CheckAttempts, RosterMemberRow } from "./roster.sql.server";

/**
 * Every member of the cohort with their progress, attempts and attendance counts at `now`.
 *
 * Attendance follows `sessionState` (modules/attendance/attendance-rates.ts): a workshop counts
 * only if they joined before it ended (its start, without an end); a recorded status counts
 * whenever it was recorded; an unrecorded workshop that has started is "not recorded", one that
 * has not is upcoming (not counted); an unknown status is no record. roster.test.ts compares the
 * result with the attendance page's and the trainee page's own computations.
 */
export async function queryRosterMembers(
  db: Db,
  cohortId: string,
  now: Date,
): Promise<RosterMemberRow[]> {
  return rosterMembers.all(db, cohortId, now);
}
