import { type AttendanceStatus, AttendanceStatusSchema } from "@peacelearn/db/schemas";

// What a trainer records for one trainee at one workshop is @peacelearn/db's
// `attendanceStatuses`, the list's one owner; this file adds the states nobody records.

/**
 * A trainee's place in one workshop: a recorded status, or
 * - `not-yet-member`: the workshop was over before they joined the cohort (never "absent");
 * - `upcoming`: the workshop has not started and nothing is recorded yet;
 * - `not-recorded`: the workshop started, they were a member, and nobody recorded them.
 */
export type SessionState = AttendanceStatus | "not-yet-member" | "upcoming" | "not-recorded";

export type SessionTiming = { startsAt: Date; endsAt: Date | null };

/**
 * Whether someone who joined at `joinedAt` was a member for a workshop: they joined before it
 * ended (its start when no end is set), so joining during a workshop counts them in.
 */
export function wasMemberFor(joinedAt: Date, session: SessionTiming): boolean {
  return joinedAt <= (session.endsAt ?? session.startsAt);
}

export function sessionState(
  joinedAt: Date,
  session: SessionTiming,
  recorded: AttendanceStatus | undefined,
  now: Date,
): SessionState {
  if (!wasMemberFor(joinedAt, session)) return "not-yet-member";
  if (recorded) return recorded;
  return session.startsAt > now ? "upcoming" : "not-recorded";
}

export type AttendanceSummary = Record<AttendanceStatus, number> & {
  notRecorded: number;
  /** Workshops they were a member for and that have started. */
  held: number;
  /**
   * (present + late) ÷ (present + late + absent) × 100, to one decimal; excused and unrecorded
   * workshops are left out. Null when there is nothing to divide by.
   */
  ratePercent: number | null;
};

/** Rounds a share to a percentage with one decimal, e.g. 5 of 6 → 83.3. */
export function percentOneDecimal(part: number, whole: number): number | null {
  if (whole <= 0) return null;
  return Math.round((part * 1000) / whole) / 10;
}

/** Adds up a trainee's states over the cohort's workshops. */
export function summariseAttendance(states: readonly SessionState[]): AttendanceSummary {
  const summary: AttendanceSummary = {
    present: 0,
    late: 0,
    excused: 0,
    absent: 0,
    notRecorded: 0,
    held: 0,
    ratePercent: null,
  };
  for (const state of states) {
    if (state === "not-yet-member" || state === "upcoming") continue;
    summary.held += 1;
    if (state === "not-recorded") summary.notRecorded += 1;
    else summary[state] += 1;
  }
  const attended = summary.present + summary.late;
  summary.ratePercent = percentOneDecimal(attended, attended + summary.absent);
  return summary;
}

export function isAttendanceStatus(value: string): value is AttendanceStatus {
  return AttendanceStatusSchema.safeParse(value).success;
}
