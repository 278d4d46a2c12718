import type { Db } from "@peacelearn/db";
import type { IcsEvent } from "~/lib/ics";

/** One workshop of a cohort the person belongs to. */
export type MyWorkshop = {
  id: string;
  title: string;
  /** Wall-clock time at the venue, stored with a UTC label (modules/attendance/schema.ts). */
  startsAt: Date;
  endsAt: Date | null;
  place: string | null;
  cohort: { id: string; name: string };
};

/** How far back the list and the calendar file reach: last month's workshops stay in view. */
const LOOK_BACK_DAYS = 31;
/** A calendar file is bounded whatever the cohorts' history. */
const WORKSHOP_LIMIT = 200;

/**
 * The workshops of every cohort `userId` is a member of, from a month ago on, soonest first. One
 * query; attendance and notes are not selected.
 */
export async function loadMyWorkshops(
  db: Db,
  { userId, now = new Date() }: { userId: string; now?: Date },
): Promise<MyWorkshop[]> {
  const from = new Date(now.getTime() - LOOK_BACK_DAYS * 24 * 60 * 60 * 1000);
  return db.cohortSession.findMany({
    where: { startsAt: { gte: from }, cohort: { memberships: { some: { userId } } } },
    orderBy: [{ startsAt: "asc" }, { id: "asc" }],
    take: WORKSHOP_LIMIT,
    select: {
      id: true,
      title: true,
      startsAt: true,
      endsAt: true,
      place: true,
      cohort: { select: { id: true, name: true } },
    },
  });
}

/**
 * The workshops as calendar events: a UID per workshop that never changes (so a second download
 * updates the events instead of doubling them), floating times (venue wall clock). In discreet
 * mode every event has the same neutral summary and no place: a calendar on a shared phone must
 * not say what the meetings are about.
 */
export function workshopEvents(
  workshops: readonly MyWorkshop[],
  { discreet, neutralSummary }: { discreet: boolean; neutralSummary: string },
): IcsEvent[] {
  return workshops.map((workshop) => ({
    uid: `workshop-${workshop.id}@peacelearn`,
    start: workshop.startsAt,
    end: workshop.endsAt,
    summary: discreet ? neutralSummary : `${workshop.title} (${workshop.cohort.name})`,
    location: discreet ? null : workshop.place,
    floating: true,
  }));
}
