import type { Db, DbTransaction, Prisma } from "@peacelearn/db";
import type { AuditAction } from "~/modules/audit/actions";
import { type AuditInput, recordAudit, recordAudits } from "~/modules/audit/audit.server";
import { contentLocales, type LocalizedText, localizedField } from "~/modules/courses/translation";
import { INVITATION_DAYS } from "./schema";

// E-mail invitations (docs/decisions/011-cohort-invitations.md). Everything a trainer sees of an
// invitation comes from what she typed: the address, when she sent it, when it expires. Whether
// the address has an account, whether that account may join, and whether its owner declined are
// decided only on the invited person's side, so no answer to the trainer depends on them.

const DAY_MS = 86_400_000;

/** Accounts with these roles are never pulled into a cohort: they see no invitation. */
const NEVER_INVITED_ROLES: readonly string[] = ["admin", "staff"];

function mayBeInvited(roles: readonly string[]): boolean {
  return !roles.some((role) => NEVER_INVITED_ROLES.includes(role));
}

type ProfileField = "gender" | "birthYear" | "locationCode";

/** Profile values a trainer's roster proposes; they fill only blanks, on acceptance. */
type ProfileHints = {
  gender?: string | undefined;
  birthYear?: number | undefined;
  locationCode?: string | undefined;
};

export type InvitationRequest = { email: string } & ProfileHints;

/** What the trainer is told for one address: never anything that depends on an account. */
export type InvitationResult = "invited" | "already-member";

const normalEmail = (email: string) => email.trim().toLowerCase();

/**
 * Records invitations to `cohortId` for each address, in one transaction with their audit
 * entries. An address that is already a member of the cohort (the trainer sees its members) is
 * "already-member"; every other address is "invited", whatever exists behind it: a live
 * invitation stays as it is (declined or not), an expired one is renewed, a new one is created.
 */
export async function recordInvitations(
  db: Db,
  input: {
    cohortId: string;
    invitedById: string;
    requests: readonly InvitationRequest[];
    now: Date;
  },
): Promise<Map<string, InvitationResult>> {
  const wanted = new Map<string, InvitationRequest>();
  for (const request of input.requests) {
    const email = normalEmail(request.email);
    if (!wanted.has(email)) wanted.set(email, { ...request, email });
  }
  const results = new Map<string, InvitationResult>();
  if (wanted.size === 0) return results;
  const emails = [...wanted.keys()];
  const expiresAt = new Date(input.now.getTime() + INVITATION_DAYS * DAY_MS);

  await db.$transaction(async (tx) => {
    // The cohort's members only (tens of people), compared in lower case like the addresses.
    const members = await tx.cohortMembership.findMany({
      where: { cohortId: input.cohortId },
      select: { user: { select: { email: true } } },
    });
    const memberEmails = new Set(members.map((member) => member.user.email.toLowerCase()));
    const existing = await tx.cohortInvitation.findMany({
      where: { cohortId: input.cohortId, email: { in: emails } },
      select: { id: true, email: true, expiresAt: true },
    });
    const existingByEmail = new Map(existing.map((row) => [row.email.toLowerCase(), row]));

    const audits: AuditInput[] = [];
    const toCreate: Prisma.CohortInvitationCreateManyInput[] = [];
    for (const [email, request] of wanted) {
      if (memberEmails.has(email)) {
        results.set(email, "already-member");
        continue;
      }
      results.set(email, "invited");
      const hints = hintColumns(request);
      const current = existingByEmail.get(email);
      if (!current) {
        toCreate.push({
          cohortId: input.cohortId,
          email,
          invitedById: input.invitedById,
          createdAt: input.now,
          expiresAt,
          ...hints,
        });
      } else if (current.expiresAt <= input.now) {
        await tx.cohortInvitation.update({
          where: { id: current.id },
          data: {
            invitedById: input.invitedById,
            createdAt: input.now,
            expiresAt,
            declinedAt: null,
            ...hints,
          },
          select: { id: true },
        });
        audits.push(invitationAudit(input, "cohort.invitation.renewed", current.id));
      }
    }
    if (toCreate.length > 0) {
      // A concurrent request may have invited the same address: that one stands.
      const created = await tx.cohortInvitation.createManyAndReturn({
        data: toCreate,
        skipDuplicates: true,
        select: { id: true },
      });
      for (const row of created) {
        audits.push(invitationAudit(input, "cohort.invitation.created", row.id));
      }
    }
    await recordAudits(tx, audits);
  });
  return results;
}

function hintColumns(hints: ProfileHints) {
  return {
    gender: hints.gender ?? null,
    birthYear: hints.birthYear ?? null,
    locationCode: hints.locationCode ?? null,
  };
}

function invitationAudit(
  input: { cohortId: string; invitedById: string },
  action: AuditAction,
  invitationId: string,
): AuditInput {
  // Ids only: the address is personal data and stays out of the audit trail.
  return {
    actorId: input.invitedById,
    action,
    subjectType: "cohort",
    subjectId: input.cohortId,
    metadata: { invitationId },
  };
}

export type SentInvitation = {
  id: string;
  email: string;
  createdAt: Date;
  expiresAt: Date;
  state: "pending" | "expired";
};

/** Invitations listed at most on the trainer's page (a roster is tens of people). */
const SENT_LIMIT = 2_000;

/**
 * The cohort's invitations as its trainer sees them: the address she typed and the dates, never
 * a name, and never whether the person declined (a declined invitation reads "pending" until it
 * expires). Accepted invitations are gone: the person is on the roster instead.
 */
export async function listSentInvitations(
  db: Db,
  cohortId: string,
  now: Date,
): Promise<SentInvitation[]> {
  const rows = await db.cohortInvitation.findMany({
    where: { cohortId },
    orderBy: [{ createdAt: "desc" }, { email: "asc" }],
    take: SENT_LIMIT,
    select: { id: true, email: true, createdAt: true, expiresAt: true },
  });
  return rows.map((row) => ({ ...row, state: row.expiresAt > now ? "pending" : "expired" }));
}

/** Withdraws one of the cohort's invitations (pending or expired); false when there is none. */
export async function revokeInvitation(
  db: Db,
  input: { cohortId: string; invitationId: string; actorId: string },
): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const deleted = await tx.cohortInvitation.deleteMany({
      where: { id: input.invitationId, cohortId: input.cohortId },
    });
    if (deleted.count !== 1) return false;
    await recordAudit(tx, {
      actorId: input.actorId,
      action: "cohort.invitation.revoked",
      subjectType: "cohort",
      subjectId: input.cohortId,
      metadata: { invitationId: input.invitationId },
    });
    return true;
  });
}

// ─── The invited person's side ─────────────────────────────────────────────────────────────

type Invitee = { id: string; email: string };

export type OpenInvitation = {
  id: string;
  cohortName: string;
  courseTitle: LocalizedText;
  invitedBy: string | null;
  expiresAt: Date;
  /** Blank fields of her profile that accepting fills from the trainer's roster. */
  fills: ProfileField[];
};

/**
 * What makes an invitation open to `invitee`: addressed to her e-mail (citext: any case), not
 * declined, not expired, for a cohort she neither trains nor is already in.
 */
function openTo(invitee: Invitee, now: Date): Prisma.CohortInvitationWhereInput {
  return {
    email: invitee.email,
    declinedAt: null,
    expiresAt: { gt: now },
    cohort: {
      trainers: { none: { userId: invitee.id } },
      memberships: { none: { userId: invitee.id } },
    },
  };
}

type Profile = { gender: string; birthYear: number | null; locationCode: string | null };

/** The profile update that fills `profile`'s blanks from `hints`, and the fields it fills. */
function fillBlanks(
  profile: Profile,
  hints: { gender: string | null; birthYear: number | null; locationCode: string | null },
): { data: Prisma.UserUpdateInput; filled: ProfileField[] } {
  const data: Prisma.UserUpdateInput = {};
  const filled: ProfileField[] = [];
  // "prefer-not-to-say" is an answer, not a blank: only "not-recorded" is filled.
  if (hints.gender && profile.gender === "not-recorded") {
    data.gender = hints.gender;
    filled.push("gender");
  }
  if (hints.birthYear !== null && profile.birthYear === null) {
    data.birthYear = hints.birthYear;
    filled.push("birthYear");
  }
  if (hints.locationCode && profile.locationCode === null) {
    data.locationCode = hints.locationCode;
    filled.push("locationCode");
  }
  return { data, filled };
}

/** The person as the rules need her, read afresh (roles may have changed since sign-in). */
async function loadInvitee(db: Db | DbTransaction, userId: string) {
  return db.user.findUnique({
    where: { id: userId },
    select: {
      id: true,
      email: true,
      roles: true,
      erasedAt: true,
      gender: true,
      birthYear: true,
      locationCode: true,
    },
  });
}

/** Invitations shown on "my learning", oldest first. Staff and admins never have any. */
export async function listOpenInvitations(
  db: Db,
  input: { userId: string; locale: string; now: Date },
): Promise<OpenInvitation[]> {
  const invitee = await loadInvitee(db, input.userId);
  if (!invitee || invitee.erasedAt || !mayBeInvited(invitee.roles)) return [];
  const rows = await db.cohortInvitation.findMany({
    where: openTo(invitee, input.now),
    orderBy: { createdAt: "asc" },
    take: 50,
    select: {
      id: true,
      expiresAt: true,
      gender: true,
      birthYear: true,
      locationCode: true,
      invitedBy: { select: { displayName: true } },
      cohort: {
        select: {
          name: true,
          course: {
            select: {
              key: true,
              translations: {
                where: { locale: { in: contentLocales(input.locale) } },
                select: { locale: true, title: true },
              },
            },
          },
        },
      },
    },
  });
  return rows.map((row) => ({
    id: row.id,
    cohortName: row.cohort.name,
    courseTitle: localizedField(
      row.cohort.course.translations,
      input.locale,
      "title",
      row.cohort.course.key,
    ),
    invitedBy: row.invitedBy?.displayName ?? null,
    expiresAt: row.expiresAt,
    fills: fillBlanks(invitee, row).filled,
  }));
}

export type InvitationAnswer =
  | { status: "accepted"; cohortId: string; courseKey: string }
  | { status: "declined" }
  | { status: "not-open" };

/**
 * Accepts an invitation addressed to `userId`: she joins the cohort and is enrolled in its
 * course, the roster's values fill her profile's blanks, the invitation is deleted and the
 * acceptance audited, all in one transaction. An invitation that is not hers, not open, or that
 * her roles forbid is "not-open" — the same answer, so the form reveals nothing either.
 */
export async function acceptInvitation(
  db: Db,
  input: { userId: string; invitationId: string; now: Date },
): Promise<InvitationAnswer> {
  return db.$transaction(async (tx) => {
    const invitee = await loadInvitee(tx, input.userId);
    if (!invitee || invitee.erasedAt || !mayBeInvited(invitee.roles)) return { status: "not-open" };
    const invitation = await tx.cohortInvitation.findFirst({
      where: { id: input.invitationId, ...openTo(invitee, input.now) },
      select: {
        id: true,
        cohortId: true,
        gender: true,
        birthYear: true,
        locationCode: true,
        cohort: { select: { courseId: true, course: { select: { key: true } } } },
      },
    });
    if (!invitation) return { status: "not-open" };
    const deleted = await tx.cohortInvitation.deleteMany({ where: { id: invitation.id } });
    // Accepted in another tab meanwhile: that acceptance did everything below.
    if (deleted.count !== 1) return { status: "not-open" };
    await tx.cohortMembership.createMany({
      data: [{ cohortId: invitation.cohortId, userId: invitee.id, joinedAt: input.now }],
      skipDuplicates: true,
    });
    await tx.enrolment.createMany({
      data: [
        {
          userId: invitee.id,
          courseId: invitation.cohort.courseId,
          source: "cohort",
          enrolledAt: input.now,
        },
      ],
      // Someone already enrolled on their own keeps that enrolment (and its date).
      skipDuplicates: true,
    });
    const { data, filled } = fillBlanks(invitee, invitation);
    if (filled.length > 0) {
      await tx.user.update({ where: { id: invitee.id }, data, select: { id: true } });
    }
    await recordAudit(tx, {
      actorId: invitee.id,
      action: "cohort.invitation.accepted",
      subjectType: "cohort",
      subjectId: invitation.cohortId,
      metadata: { invitationId: invitation.id, filled },
    });
    return {
      status: "accepted",
      cohortId: invitation.cohortId,
      courseKey: invitation.cohort.course.key,
    };
  });
}

/**
 * Declines an invitation addressed to `userId`: it is no longer offered to her and the roster's
 * profile values are dropped. Her trainer is not told (see listSentInvitations).
 */
export async function declineInvitation(
  db: Db,
  input: { userId: string; invitationId: string; now: Date },
): Promise<InvitationAnswer> {
  return db.$transaction(async (tx) => {
    const invitee = await loadInvitee(tx, input.userId);
    if (!invitee || invitee.erasedAt || !mayBeInvited(invitee.roles)) return { status: "not-open" };
    const invitation = await tx.cohortInvitation.findFirst({
      where: { id: input.invitationId, ...openTo(invitee, input.now) },
      select: { id: true, cohortId: true },
    });
    if (!invitation) return { status: "not-open" };
    await tx.cohortInvitation.update({
      where: { id: invitation.id },
      data: { declinedAt: input.now, gender: null, birthYear: null, locationCode: null },
      select: { id: true },
    });
    await recordAudit(tx, {
      actorId: invitee.id,
      action: "cohort.invitation.declined",
      subjectType: "cohort",
      subjectId: invitation.cohortId,
      metadata: { invitationId: invitation.id },
    });
    return { status: "declined" };
  });
}
