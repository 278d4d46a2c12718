import type { Db } from "@peacelearn/db";
import { contentLocales, type LocalizedText, localizedField } from "~/modules/courses/translation";
import { loadProgressByCourse, type ProgressCount } from "./progress.server";

export type DashboardCourse = {
  key: string;
  title: LocalizedText;
  source: "self" | "cohort";
  enrolledAt: Date;
  progress: ProgressCount;
  /** Set once the course is complete (all lessons and checks, recorded on the enrolment). */
  completedAt: Date | null;
  hasCertificate: boolean;
};

export type DashboardFollowUp = {
  id: string;
  description: string;
  dueOn: Date;
  /** Who agreed to do it: the trainee themself or their trainer. */
  owner: "me" | "trainer";
  isOverdue: boolean;
};

export type Dashboard = {
  inProgress: DashboardCourse[];
  completed: DashboardCourse[];
  followUps: DashboardFollowUp[];
};

/** Open follow-ups shown at most; the trainer's own tools list the rest. */
const FOLLOW_UP_LIMIT = 20;

/**
 * "My learning": the user's courses with progress, completed courses with their certificates,
 * and the open follow-up actions agreed in their accompaniment sessions. Five queries whatever
 * the number of courses. Accompaniment notes are never selected: they belong to the trainer.
 */
export async function loadDashboard(
  db: Db,
  { userId, locale, now = new Date() }: { userId: string; locale: string; now?: Date },
): Promise<Dashboard> {
  const [enrolments, certificates, followUps] = await Promise.all([
    db.enrolment.findMany({
      where: { userId },
      orderBy: { enrolledAt: "desc" },
      select: {
        courseId: true,
        source: true,
        enrolledAt: true,
        completedAt: true,
        course: {
          select: {
            key: true,
            translations: {
              where: { locale: { in: contentLocales(locale) } },
              select: { locale: true, title: true },
            },
          },
        },
      },
    }),
    db.certificate.findMany({ where: { userId }, select: { courseId: true } }),
    db.followUpAction.findMany({
      where: { status: "open", accompanimentSession: { traineeId: userId } },
      orderBy: [{ dueOn: "asc" }, { createdAt: "asc" }],
      take: FOLLOW_UP_LIMIT,
      select: { id: true, description: true, dueOn: true, ownerId: true },
    }),
  ]);
  const progress = await loadProgressByCourse(
    db,
    userId,
    enrolments.map((enrolment) => enrolment.courseId),
  );
  const certified = new Set(certificates.map((certificate) => certificate.courseId));

  const courses: DashboardCourse[] = enrolments.map((enrolment) => ({
    key: enrolment.course.key,
    title: localizedField(enrolment.course.translations, locale, "title", enrolment.course.key),
    source: enrolment.source === "cohort" ? "cohort" : "self",
    enrolledAt: enrolment.enrolledAt,
    progress: progress.get(enrolment.courseId) ?? { completed: 0, total: 0, percent: 0 },
    completedAt: enrolment.completedAt,
    hasCertificate: certified.has(enrolment.courseId),
  }));
  const isComplete = (course: DashboardCourse) =>
    course.completedAt !== null || course.hasCertificate;
  // Due dates are calendar days (UTC): an action due today is not overdue yet.
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());

  return {
    inProgress: courses.filter((course) => !isComplete(course)),
    completed: courses.filter(isComplete),
    followUps: followUps.map((action) => ({
      id: action.id,
      description: action.description,
      dueOn: action.dueOn,
      owner: action.ownerId === userId ? "me" : "trainer",
      isOverdue: action.dueOn.getTime() < today,
    })),
  };
}
