// The database side of the load and fault scripts: the demo accounts to sign in as, and after the
// run the check that every write the app acknowledged is in the database exactly once.
import { createDb, type Db } from "@peacelearn/db";
import type { DatabaseEnv } from "./lib.mjs";
import type { Account, Ledger, TrainerAccount } from "./load-client";

const DEMO_DOMAIN = "@demo.peacelearn.example";

/** Opens the database `database` points at (a server URL or a PGlite folder), runs `body`, closes it. */
export async function withDb<T>(database: DatabaseEnv, body: (db: Db) => Promise<T>): Promise<T> {
  const db = await createDb({
    databaseUrl: database.DATABASE_URL ?? "",
    pgliteDir: database.PGLITE_DIR,
    migrate: "check",
  });
  try {
    return await body(db);
  } finally {
    await db.$disconnect();
  }
}

/** The seeded demo trainees and trainers (with the cohorts they lead), in a stable order. */
export async function demoAccounts(db: Db): Promise<{
  trainees: Account[];
  trainers: TrainerAccount[];
}> {
  const active = { email: { endsWith: DEMO_DOMAIN }, erasedAt: null, passwordHash: { not: null } };
  const [trainees, trainers] = await Promise.all([
    db.user.findMany({
      where: { ...active, roles: { has: "trainee" } },
      orderBy: { email: "asc" },
      select: { id: true, email: true },
    }),
    db.user.findMany({
      where: { ...active, roles: { has: "trainer" } },
      orderBy: { email: "asc" },
      select: { id: true, email: true, cohortsTrained: { select: { cohortId: true } } },
    }),
  ]);
  return {
    trainees,
    trainers: trainers.map(({ cohortsTrained, ...trainer }) => ({
      ...trainer,
      cohortIds: cohortsTrained.map((row) => row.cohortId),
    })),
  };
}

type KindReport = {
  acknowledged: number;
  lost: number;
  duplicated: number;
  /** Posts answered with an error or never answered that were saved all the same. */
  savedDespiteFailure?: number;
};

export type VerifyReport = {
  lessons: KindReport;
  attempts: KindReport;
  attendance: KindReport;
  accompaniment: KindReport;
  lost: number;
  duplicated: number;
  examples: string[];
};

const key = (...parts: string[]) => parts.join("\u0000");

function chunks<T>(items: T[], size = 500): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/**
 * Checks each acknowledged write of `ledger` against the database:
 * - a completed lesson: one progress row for (user, lesson) with `completedAt` set;
 * - a knowledge-check post: one attempt for (user, idempotency key), the one whose id the redirect
 *   named (a replay naming another attempt counts as a duplicate);
 * - an attendance sheet: one row per (workshop, trainee), holding the status of the last post that
 *   could have won (an acknowledged post supersedes every post that ended before it started);
 * - an accompaniment session: one session carrying the post's marker, the one the redirect named.
 */
export async function verifyWrites(db: Db, ledger: Ledger): Promise<VerifyReport> {
  const examples: string[] = [];
  const note = (text: string) => {
    if (examples.length < 10) examples.push(text);
  };

  // Lessons.
  const lessons = await db.lesson.findMany({
    select: { id: true, key: true, module: { select: { course: { select: { key: true } } } } },
  });
  const lessonId = new Map(lessons.map((l) => [key(l.module.course.key, l.key), l.id]));
  const ackedLessons = new Map<string, { userId: string; lessonId: string | undefined }>();
  for (const post of ledger.lessons) {
    if (!post.acknowledged) continue;
    const id = lessonId.get(key(post.courseKey, post.lessonKey));
    ackedLessons.set(key(post.userId, id ?? `${post.courseKey}/${post.lessonKey}`), {
      userId: post.userId,
      lessonId: id,
    });
  }
  const progress = new Map<string, { count: number; completed: number }>();
  const lessonUsers = [...new Set([...ackedLessons.values()].map((l) => l.userId))];
  for (const users of chunks(lessonUsers)) {
    const rows = await db.lessonProgress.findMany({
      where: { userId: { in: users } },
      select: { userId: true, lessonId: true, completedAt: true },
    });
    for (const row of rows) {
      const entry = progress.get(key(row.userId, row.lessonId)) ?? { count: 0, completed: 0 };
      entry.count += 1;
      if (row.completedAt) entry.completed += 1;
      progress.set(key(row.userId, row.lessonId), entry);
    }
  }
  const lessonReport: KindReport = { acknowledged: ackedLessons.size, lost: 0, duplicated: 0 };
  for (const [cell, { lessonId: id }] of ackedLessons) {
    const entry = id ? progress.get(cell) : undefined;
    if (!entry || entry.completed === 0) {
      lessonReport.lost += 1;
      note(`lesson completion missing: ${cell.replace("\u0000", " / ")}`);
    } else if (entry.count > 1) {
      lessonReport.duplicated += 1;
      note(`lesson progress stored ${entry.count} times: ${cell.replace("\u0000", " / ")}`);
    }
  }

  // Knowledge-check attempts, by idempotency key.
  const tokens = [...new Set(ledger.attempts.map((a) => a.token).filter(Boolean))];
  const stored = new Map<string, string[]>();
  for (const batch of chunks(tokens)) {
    const rows = await db.knowledgeCheckAttempt.findMany({
      where: { idempotencyKey: { in: batch } },
      select: { id: true, userId: true, idempotencyKey: true },
    });
    for (const row of rows) {
      const cell = key(row.userId, row.idempotencyKey);
      stored.set(cell, [...(stored.get(cell) ?? []), row.id]);
    }
  }
  const byToken = new Map<string, { acked: Set<string>; failed: boolean }>();
  for (const post of ledger.attempts) {
    const cell = key(post.userId, post.token);
    const entry = byToken.get(cell) ?? { acked: new Set<string>(), failed: false };
    if (post.acknowledged) entry.acked.add(post.attemptId ?? "(no attempt id)");
    else entry.failed = true;
    byToken.set(cell, entry);
  }
  const attemptReport: KindReport = {
    acknowledged: 0,
    lost: 0,
    duplicated: 0,
    savedDespiteFailure: 0,
  };
  for (const [cell, entry] of byToken) {
    const ids = stored.get(cell) ?? [];
    if (entry.acked.size === 0) {
      // Never acknowledged: at most one attempt may exist (the post may have landed).
      if (ids.length > 0)
        attemptReport.savedDespiteFailure = (attemptReport.savedDespiteFailure ?? 0) + 1;
      if (ids.length > 1) {
        attemptReport.duplicated += 1;
        note(`unacknowledged check post stored ${ids.length} times`);
      }
      continue;
    }
    attemptReport.acknowledged += 1;
    if (ids.length === 0) {
      attemptReport.lost += 1;
      note(`check attempt missing for acknowledged token ${cell.split("\u0000")[1]}`);
    } else if (ids.length > 1 || entry.acked.size > 1 || !entry.acked.has(ids[0] as string)) {
      attemptReport.duplicated += 1;
      note(`check token stored ${ids.length}× / answered with ${entry.acked.size} attempt ids`);
    }
  }

  // Attendance: the final status of each (workshop, trainee) an acknowledged post wrote.
  const cells = new Map<
    string,
    Array<{ status: string; acked: boolean; start: number; end: number }>
  >();
  for (const post of ledger.attendance) {
    for (const [userId, status] of Object.entries(post.statuses)) {
      const cell = key(post.sessionId, userId);
      cells.set(cell, [
        ...(cells.get(cell) ?? []),
        { status, acked: post.acknowledged, start: post.start, end: post.end },
      ]);
    }
  }
  const sessions = [...new Set(ledger.attendance.map((post) => post.sessionId))];
  const records = new Map<string, string[]>();
  for (const batch of chunks(sessions)) {
    const rows = await db.attendanceRecord.findMany({
      where: { cohortSessionId: { in: batch } },
      select: { cohortSessionId: true, userId: true, status: true },
    });
    for (const row of rows) {
      const cell = key(row.cohortSessionId, row.userId);
      records.set(cell, [...(records.get(cell) ?? []), row.status]);
    }
  }
  const attendanceReport: KindReport = { acknowledged: 0, lost: 0, duplicated: 0 };
  for (const [cell, posts] of cells) {
    const acked = posts.filter((post) => post.acked);
    if (acked.length === 0) continue;
    attendanceReport.acknowledged += 1;
    // An acknowledged post can have won unless another acknowledged post started after it had
    // ended. An unacknowledged one (error, time-out) may have landed at any moment, even after
    // the client gave up, so it always can have.
    const candidates = posts.filter(
      (post) => !post.acked || !acked.some((later) => later !== post && later.start > post.end),
    );
    const row = records.get(cell) ?? [];
    if (row.length > 1) {
      attendanceReport.duplicated += 1;
      note(`attendance stored ${row.length} times: ${cell.replace("\u0000", " / ")}`);
    } else if (row.length === 0 || !candidates.some((post) => post.status === row[0])) {
      attendanceReport.lost += 1;
      note(
        `attendance ${cell.replace("\u0000", " / ")}: stored ${row[0] ?? "nothing"}, ` +
          `expected ${[...new Set(candidates.map((post) => post.status))].join(" or ")}`,
      );
    }
  }

  // Accompaniment sessions, by the marker in their notes.
  const sessionsByMarker = new Map<string, string[]>();
  const rows = await db.accompanimentSession.findMany({
    where: { notes: { startsWith: `bench-${ledger.runId}-` } },
    select: { id: true, notes: true },
  });
  for (const row of rows) {
    const marker = row.notes.slice(0, row.notes.indexOf(":"));
    sessionsByMarker.set(marker, [...(sessionsByMarker.get(marker) ?? []), row.id]);
  }
  const accompanimentReport: KindReport = {
    acknowledged: 0,
    lost: 0,
    duplicated: 0,
    savedDespiteFailure: 0,
  };
  for (const post of ledger.accompaniment) {
    const ids = sessionsByMarker.get(post.marker) ?? [];
    if (!post.acknowledged) {
      if (ids.length > 0) {
        accompanimentReport.savedDespiteFailure =
          (accompanimentReport.savedDespiteFailure ?? 0) + 1;
      }
      continue;
    }
    accompanimentReport.acknowledged += 1;
    if (ids.length === 0) {
      accompanimentReport.lost += 1;
      note(`accompaniment session missing: ${post.marker}`);
    } else if (ids.length > 1 || ids[0] !== post.sessionId) {
      accompanimentReport.duplicated += 1;
      note(`accompaniment ${post.marker} stored ${ids.length} times`);
    }
  }

  const kinds = [lessonReport, attemptReport, attendanceReport, accompanimentReport];
  return {
    lessons: lessonReport,
    attempts: attemptReport,
    attendance: attendanceReport,
    accompaniment: accompanimentReport,
    lost: kinds.reduce((sum, kind) => sum + kind.lost, 0),
    duplicated: kinds.reduce((sum, kind) => sum + kind.duplicated, 0),
    examples,
  };
}

export function printVerification(report: VerifyReport) {
  const row = (name: string, kind: KindReport) =>
    `  ${name.padEnd(28)} ${String(kind.acknowledged).padStart(6)} ${String(kind.lost).padStart(6)} ${String(kind.duplicated).padStart(6)}` +
    (kind.savedDespiteFailure === undefined
      ? ""
      : `   (${kind.savedDespiteFailure} failed posts were saved anyway)`);
  console.log("\nacknowledged writes checked in the database:");
  console.log(
    `  ${"".padEnd(28)} ${"acked".padStart(6)} ${"lost".padStart(6)} ${"dup".padStart(6)}`,
  );
  console.log(row("lesson completions", report.lessons));
  console.log(row("check attempts (by key)", report.attempts));
  console.log(row("attendance (workshop×person)", report.attendance));
  console.log(row("accompaniment sessions", report.accompaniment));
  for (const example of report.examples) console.log(`  ! ${example}`);
  console.log(`\nlost writes: ${report.lost}, duplicated: ${report.duplicated}`);
}
