import type { Db } from "@peacelearn/db";
import { type AttendanceStatus, attendanceStatuses } from "@peacelearn/db/schemas";
import {
  type AttendanceSummary,
  isAttendanceStatus,
  type SessionState,
  sessionState,
  summariseAttendance,
  wasMemberFor,
} from "./attendance-rates";
import type { SessionForm } from "./schema";

export type WorkshopRow = {
  id: string;
  title: string;
  startsAt: Date;
  endsAt: Date | null;
  place: string | null;
};

export type MemberRef = { userId: string; displayName: string; email: string; joinedAt: Date };

export type MemberAttendance = MemberRef & {
  /** One state per workshop, in the order of {@link CohortAttendance.sessions}. */
  states: SessionState[];
  summary: AttendanceSummary;
};

export type WorkshopWithCounts = WorkshopRow & { counts: Record<SessionState, number> };

export type CohortAttendance = { sessions: WorkshopWithCounts[]; members: MemberAttendance[] };

type RecordRow = { cohortSessionId: string; userId: string; status: string };

/** Everyone's state at every workshop, with per-member and per-workshop totals. Pure. */
function buildCohortAttendance(
  members: readonly MemberRef[],
  sessions: readonly WorkshopRow[],
  records: readonly RecordRow[],
  now: Date,
): CohortAttendance {
  const recorded = new Map<string, AttendanceStatus>();
  for (const record of records) {
    if (isAttendanceStatus(record.status)) {
      recorded.set(`${record.cohortSessionId}:${record.userId}`, record.status);
    }
  }
  const withCounts: WorkshopWithCounts[] = sessions.map((session) => ({
    ...session,
    counts: emptyCounts(),
  }));
  const rows = members.map((member) => {
    const states = withCounts.map((session) => {
      const state = sessionState(
        member.joinedAt,
        session,
        recorded.get(`${session.id}:${member.userId}`),
        now,
      );
      session.counts[state] += 1;
      return state;
    });
    return { ...member, states, summary: summariseAttendance(states) };
  });
  return { sessions: withCounts, members: rows };
}

function emptyCounts(): Record<SessionState, number> {
  return {
    present: 0,
    late: 0,
    excused: 0,
    absent: 0,
    "not-recorded": 0,
    "not-yet-member": 0,
    upcoming: 0,
  };
}

/** Members of a cohort, by name in the reader's language (then e-mail, so the order is stable). */
async function loadMembers(db: Db, cohortId: string, locale: string): Promise<MemberRef[]> {
  const memberships = await db.cohortMembership.findMany({
    where: { cohortId },
    select: { joinedAt: true, user: { select: { id: true, displayName: true, email: true } } },
  });
  const collator = new Intl.Collator(locale, { sensitivity: "base" });
  return memberships
    .map((membership) => ({
      userId: membership.user.id,
      displayName: membership.user.displayName,
      email: membership.user.email,
      joinedAt: membership.joinedAt,
    }))
    .sort(
      (a, b) => collator.compare(a.displayName, b.displayName) || a.email.localeCompare(b.email),
    );
}

/** A cohort's workshops (by start) and every attendance record of them: two queries. */
async function loadWorkshops(db: Db, cohortId: string) {
  const [sessions, records] = await Promise.all([
    db.cohortSession.findMany({
      where: { cohortId },
      orderBy: [{ startsAt: "asc" }, { createdAt: "asc" }],
      select: { id: true, title: true, startsAt: true, endsAt: true, place: true },
    }),
    db.attendanceRecord.findMany({
      where: { cohortSession: { cohortId } },
      select: { cohortSessionId: true, userId: true, status: true },
    }),
  ]);
  return { sessions, records };
}

/** The attendance page and export: three queries whatever the number of members or workshops. */
export async function loadCohortAttendance(
  db: Db,
  { cohortId, locale, now }: { cohortId: string; locale: string; now: Date },
): Promise<CohortAttendance> {
  const [members, { sessions, records }] = await Promise.all([
    loadMembers(db, cohortId, locale),
    loadWorkshops(db, cohortId),
  ]);
  return buildCohortAttendance(members, sessions, records, now);
}

export async function createWorkshop(db: Db, cohortId: string, form: SessionForm) {
  return db.cohortSession.create({
    data: {
      cohortId,
      title: form.title,
      startsAt: form.startsAt,
      endsAt: form.endsAt ?? null,
      place: form.place || null,
    },
    select: { id: true },
  });
}

/** A saved workshop's title, times and place, changed; null when it is not this cohort's. */
export async function updateWorkshop(
  db: Db,
  { cohortId, sessionId, form }: { cohortId: string; sessionId: string; form: SessionForm },
): Promise<{ id: string } | null> {
  const { count } = await db.cohortSession.updateMany({
    where: { id: sessionId, cohortId },
    data: {
      title: form.title,
      startsAt: form.startsAt,
      endsAt: form.endsAt ?? null,
      place: form.place || null,
    },
  });
  return count === 1 ? { id: sessionId } : null;
}

export type SheetRow = MemberRef & {
  /** False for people who joined after the workshop: they get no radio buttons. */
  wasMember: boolean;
  status: AttendanceStatus | null;
};

/** One workshop's register: the workshop and every member with what is recorded. */
export async function loadAttendanceSheet(
  db: Db,
  { cohortId, sessionId, locale }: { cohortId: string; sessionId: string; locale: string },
): Promise<{ session: WorkshopRow; rows: SheetRow[] } | null> {
  const [session, members, records] = await Promise.all([
    db.cohortSession.findFirst({
      where: { id: sessionId, cohortId },
      select: { id: true, title: true, startsAt: true, endsAt: true, place: true },
    }),
    loadMembers(db, cohortId, locale),
    db.attendanceRecord.findMany({
      where: { cohortSessionId: sessionId, cohortSession: { cohortId } },
      select: { userId: true, status: true },
    }),
  ]);
  if (!session) return null;
  const byUser = new Map(records.map((record) => [record.userId, record.status]));
  return {
    session,
    rows: members.map((member) => {
      const status = byUser.get(member.userId);
      return {
        ...member,
        wasMember: wasMemberFor(member.joinedAt, session),
        status: status && isAttendanceStatus(status) ? status : null,
      };
    }),
  };
}

export type RecordResult = { saved: number; ignored: string[] };

/**
 * "Mark all present": every member who was a member on the workshop's day, present. A trainer
 * then changes the few who were not; nothing else on the sheet is read.
 */
export async function markAllPresent(
  db: Db,
  input: { cohortId: string; sessionId: string; recorderId: string; locale: string; now: Date },
): Promise<RecordResult | null> {
  const sheet = await loadAttendanceSheet(db, input);
  if (!sheet) return null;
  const statuses = Object.fromEntries(
    sheet.rows.filter((row) => row.wasMember).map((row) => [row.userId, "present" as const]),
  );
  return recordAttendance(db, { ...input, statuses });
}

/**
 * Saves the register of one workshop in one transaction: a row per answered member (created or
 * updated), nothing for unanswered ones. Answers for people who are not members, or who joined
 * after the workshop, are ignored and reported. At most 2 + 4 + 1 queries whatever the roster size.
 */
export async function recordAttendance(
  db: Db,
  input: {
    cohortId: string;
    sessionId: string;
    recorderId: string;
    statuses: Readonly<Record<string, AttendanceStatus>>;
    now: Date;
  },
): Promise<RecordResult | null> {
  return db.$transaction(async (tx) => {
    const session = await tx.cohortSession.findFirst({
      where: { id: input.sessionId, cohortId: input.cohortId },
      select: { id: true, startsAt: true, endsAt: true },
    });
    if (!session) return null;
    const userIds = Object.keys(input.statuses);
    const memberships = await tx.cohortMembership.findMany({
      where: { cohortId: input.cohortId, userId: { in: userIds } },
      select: { userId: true, joinedAt: true },
    });
    const existing = await tx.attendanceRecord.findMany({
      where: { cohortSessionId: session.id, userId: { in: userIds } },
      select: { id: true, userId: true, status: true },
    });
    const eligible = new Set(
      memberships
        .filter((membership) => wasMemberFor(membership.joinedAt, session))
        .map((membership) => membership.userId),
    );
    const existingByUser = new Map(existing.map((record) => [record.userId, record]));
    const ignored = userIds.filter((userId) => !eligible.has(userId));
    const toCreate: Array<{ userId: string; status: AttendanceStatus }> = [];
    const toUpdate = new Map<AttendanceStatus, string[]>();
    for (const userId of userIds) {
      const status = input.statuses[userId];
      if (!status || !eligible.has(userId)) continue;
      const record = existingByUser.get(userId);
      if (!record) toCreate.push({ userId, status });
      else if (record.status !== status) {
        toUpdate.set(status, [...(toUpdate.get(status) ?? []), record.id]);
      }
    }
    for (const status of attendanceStatuses) {
      const ids = toUpdate.get(status);
      if (!ids) continue;
      await tx.attendanceRecord.updateMany({
        where: { id: { in: ids } },
        data: { status, recordedById: input.recorderId, recordedAt: input.now },
      });
    }
    if (toCreate.length > 0) {
      await tx.attendanceRecord.createMany({
        data: toCreate.map(({ userId, status }) => ({
          cohortSessionId: session.id,
          userId,
          status,
          recordedById: input.recorderId,
          recordedAt: input.now,
        })),
        // A register saved twice at once: the other save wrote the row; keep it.
        skipDuplicates: true,
      });
    }
    return { saved: userIds.length - ignored.length, ignored };
  });
}
