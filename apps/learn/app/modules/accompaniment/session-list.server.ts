import type { Db, Prisma } from "@peacelearn/db";
import { type Viewer, visibleSessionsWhere } from "./access.server";
import { isOverdue, parseDay, utcToday } from "./dates";
import type { ListFilters } from "./schema";

export const PAGE_SIZE = 20;

type ListedFollowUp = {
  id: string;
  description: string;
  dueOn: Date;
  status: string;
  ownedByTrainee: boolean;
  isOverdue: boolean;
};

export type ListedSession = {
  id: string;
  occurredOn: Date;
  mode: string;
  activityType: string;
  topics: string[];
  isSensitive: boolean;
  trainee: { id: string; displayName: string };
  trainerName: string | null;
  cohort: { id: string; name: string } | null;
  followUps: ListedFollowUp[];
};

export type SessionPage = {
  sessions: ListedSession[];
  total: number;
  page: number;
  pageCount: number;
  /** Overdue actions across everything the viewer may see, whatever the filters. */
  overdueCount: number;
};

function filtersWhere(filters: ListFilters, today: Date): Prisma.AccompanimentSessionWhereInput[] {
  const where: Prisma.AccompanimentSessionWhereInput[] = [];
  if (filters.trainee) where.push({ traineeId: filters.trainee });
  if (filters.cohort) where.push({ cohortId: filters.cohort });
  const from = filters.from ? parseDay(filters.from) : null;
  const to = filters.to ? parseDay(filters.to) : null;
  if (from || to) {
    where.push({ occurredOn: { ...(from ? { gte: from } : {}), ...(to ? { lte: to } : {}) } });
  }
  if (filters.status === "overdue") {
    where.push({ followUps: { some: { status: "open", dueOn: { lt: today } } } });
  } else if (filters.status) {
    where.push({ followUps: { some: { status: filters.status } } });
  }
  return where;
}

/**
 * One page of the sessions the viewer may see, newest first, with their follow-ups. Three
 * queries whatever the page holds (count, page with follow-ups, overdue count); notes are never
 * loaded here — the list does not show them, so it has nothing to audit.
 */
export async function listSessions(
  db: Db,
  viewer: Viewer,
  filters: ListFilters,
  { now = new Date() }: { now?: Date } = {},
): Promise<SessionPage> {
  const today = utcToday(now);
  const scope = visibleSessionsWhere(viewer);
  const where: Prisma.AccompanimentSessionWhereInput = {
    AND: [scope, ...filtersWhere(filters, today)],
  };
  const [total, rows, overdueCount] = await Promise.all([
    db.accompanimentSession.count({ where }),
    db.accompanimentSession.findMany({
      where,
      orderBy: [{ occurredOn: "desc" }, { createdAt: "desc" }, { id: "asc" }],
      skip: (filters.page - 1) * PAGE_SIZE,
      take: PAGE_SIZE,
      select: {
        id: true,
        occurredOn: true,
        mode: true,
        activityType: true,
        topics: true,
        isSensitive: true,
        traineeId: true,
        trainee: { select: { id: true, displayName: true } },
        trainer: { select: { displayName: true } },
        cohort: { select: { id: true, name: true } },
        followUps: {
          select: { id: true, description: true, dueOn: true, status: true, ownerId: true },
          orderBy: [{ dueOn: "asc" }, { createdAt: "asc" }],
        },
      },
    }),
    db.followUpAction.count({
      where: { status: "open", dueOn: { lt: today }, accompanimentSession: scope },
    }),
  ]);
  return {
    total,
    page: filters.page,
    pageCount: Math.max(1, Math.ceil(total / PAGE_SIZE)),
    overdueCount,
    sessions: rows.map((row) => ({
      id: row.id,
      occurredOn: row.occurredOn,
      mode: row.mode,
      activityType: row.activityType,
      topics: row.topics,
      isSensitive: row.isSensitive,
      trainee: row.trainee,
      trainerName: row.trainer?.displayName ?? null,
      cohort: row.cohort,
      followUps: row.followUps.map((action) => ({
        id: action.id,
        description: action.description,
        dueOn: action.dueOn,
        status: action.status,
        ownedByTrainee: action.ownerId === row.traineeId,
        isOverdue: isOverdue(action, today),
      })),
    })),
  };
}
