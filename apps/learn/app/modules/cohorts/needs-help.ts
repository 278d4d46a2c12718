/** Days without any learning activity after which a trainee is flagged. */
const INACTIVE_AFTER_DAYS = 14;
/** Failed attempts at one knowledge check (without a pass) after which a trainee is flagged. */
const FAILED_ATTEMPTS_FLAG = 2;

/** Attendance (present or late, of workshops recorded) below which a trainee is flagged… */
const LOW_ATTENDANCE_PERCENT = 60;
/** …once this many of her workshops have been recorded: one missed first workshop is not a trend. */
const LOW_ATTENDANCE_MIN_RECORDED = 2;

const DAY_MS = 86_400_000;

/** Why a trainer might want to reach out to a trainee. */
export type HelpSignal =
  | { reason: "failed-check"; knowledgeCheckId: string; failedAttempts: number }
  | { reason: "inactive"; lastActiveAt: Date | null; days: number }
  | { reason: "low-attendance"; ratePercent: number };

export type HelpInput = {
  /** When the trainee joined the cohort: nobody is "inactive" before they had a chance to start. */
  joinedAt: Date;
  /** Latest lesson view, lesson completion or knowledge-check attempt; null if none. */
  lastActivityAt: Date | null;
  attempts: ReadonlyArray<{ knowledgeCheckId: string; passed: boolean }>;
  /** Every lesson done: someone who has finished is not "inactive". */
  courseCompleted: boolean;
  /**
   * Her workshops so far: the attendance rate (present or late, of present, late and absent) and
   * how many were recorded for her (excused ones count as recorded, not as missed).
   */
  attendance?: { ratePercent: number | null; recorded: number };
};

/** One trainee's attempts at one knowledge check, added up. */
type CheckTally = { knowledgeCheckId: string; failed: number; passed: boolean };

/** What {@link helpSignalsFromTallies} needs: {@link HelpInput} with the attempts added up. */
export type HelpTallies = Omit<HelpInput, "attempts"> & {
  /** One entry per check tried, in the order the trainee first tried them. */
  checks: readonly CheckTally[];
};

/**
 * The "needs help" signals of one trainee at `now`:
 * - **failed-check**: at least {@link FAILED_ATTEMPTS_FLAG} failed attempts at the same knowledge
 *   check and no pass of it yet (a pass after two failures clears the signal: they got there);
 * - **inactive**: no lesson view, lesson progress or attempt in the last
 *   {@link INACTIVE_AFTER_DAYS} days, counting from the later of their last activity and the day
 *   they joined the cohort; not raised once every lesson is completed;
 * - **low-attendance**: an attendance rate below {@link LOW_ATTENDANCE_PERCENT} % once at least
 *   {@link LOW_ATTENDANCE_MIN_RECORDED} of her workshops are recorded (the workshops are where the
 *   accompaniment happens: 40 % attendance is a reason to call, whatever the lessons say).
 */
export function helpSignals(input: HelpInput, now: Date): HelpSignal[] {
  const byCheck = new Map<string, CheckTally>();
  for (const attempt of input.attempts) {
    let tally = byCheck.get(attempt.knowledgeCheckId);
    if (!tally) {
      tally = { knowledgeCheckId: attempt.knowledgeCheckId, failed: 0, passed: false };
      byCheck.set(attempt.knowledgeCheckId, tally);
    }
    if (attempt.passed) tally.passed = true;
    else tally.failed += 1;
  }
  return helpSignalsFromTallies({ ...input, checks: [...byCheck.values()] }, now);
}

/**
 * {@link helpSignals} from attempts already added up per check (as the roster's SQL returns
 * them): the same rules, one place.
 */
export function helpSignalsFromTallies(input: HelpTallies, now: Date): HelpSignal[] {
  const signals: HelpSignal[] = [];
  for (const tally of input.checks) {
    if (!tally.passed && tally.failed >= FAILED_ATTEMPTS_FLAG) {
      signals.push({
        reason: "failed-check",
        knowledgeCheckId: tally.knowledgeCheckId,
        failedAttempts: tally.failed,
      });
    }
  }

  if (!input.courseCompleted) {
    const reference =
      input.lastActivityAt && input.lastActivityAt > input.joinedAt
        ? input.lastActivityAt
        : input.joinedAt;
    const idleMs = now.getTime() - reference.getTime();
    // "No activity in 14 days": activity exactly 14 × 24 h ago is still inside the window.
    if (idleMs > INACTIVE_AFTER_DAYS * DAY_MS) {
      signals.push({
        reason: "inactive",
        lastActiveAt: input.lastActivityAt,
        days: Math.floor(idleMs / DAY_MS),
      });
    }
  }
  const attendance = input.attendance;
  if (
    attendance &&
    attendance.ratePercent !== null &&
    attendance.recorded >= LOW_ATTENDANCE_MIN_RECORDED &&
    attendance.ratePercent < LOW_ATTENDANCE_PERCENT
  ) {
    signals.push({ reason: "low-attendance", ratePercent: attendance.ratePercent });
  }
  return signals;
}

/** The latest of any number of optional dates, or null. */
export function latestOf(dates: ReadonlyArray<Date | null | undefined>): Date | null {
  let latest: Date | null = null;
  for (const date of dates) if (date && (!latest || date > latest)) latest = date;
  return latest;
}
