import { type Db, isUniqueViolation } from "@peacelearn/db";

/** Runs an upsert again once if a concurrent request inserted the same row first. */
async function retryOnRace<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    return write();
  }
}

/** A repeat view of the lesson a reader viewed last is written at most this often. */
export const VIEW_TOUCH_MS = 60 * 60 * 1000;

/**
 * A lesson page was opened: one upsert (the first view also sets startedAt). Returns what the
 * page needs to know, so it does not read the row again.
 */
export async function recordLessonView(
  db: Db,
  userId: string,
  lessonId: string,
  now = new Date(),
): Promise<{ isFirstView: boolean; completedAt: Date | null }> {
  const row = await retryOnRace(() =>
    db.lessonProgress.upsert({
      where: { userId_lessonId: { userId, lessonId } },
      create: { userId, lessonId, startedAt: now, lastViewedAt: now },
      update: { lastViewedAt: now },
      select: { startedAt: true, completedAt: true },
    }),
  );
  return { isFirstView: row.startedAt.getTime() === now.getTime(), completedAt: row.completedAt };
}

/**
 * "Mark as complete": one row per user and lesson however often it is sent, and the first
 * completion time is kept (a second press must not move the date on a certificate's record).
 */
export async function completeLesson(
  db: Db,
  userId: string,
  lessonId: string,
  now = new Date(),
): Promise<void> {
  const row = await retryOnRace(() =>
    db.lessonProgress.upsert({
      where: { userId_lessonId: { userId, lessonId } },
      create: { userId, lessonId, startedAt: now, lastViewedAt: now, completedAt: now },
      update: { lastViewedAt: now },
      select: { id: true, completedAt: true },
    }),
  );
  if (!row.completedAt) {
    // Conditional, so a concurrent completion that got there first keeps its time.
    await db.lessonProgress.updateMany({
      where: { id: row.id, completedAt: null },
      data: { completedAt: now },
    });
  }
}
