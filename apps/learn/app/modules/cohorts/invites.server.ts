import { sha256 } from "@oslojs/crypto/sha2";
import { encodeBase32LowerCaseNoPadding, encodeHexLowerCase } from "@oslojs/encoding";
import type { Db } from "@peacelearn/db";
import { href } from "react-router";
import { takeInviteUse } from "./invites.sql.server";

// Invite links follow the session design: the link carries 160 random bits, the database keeps
// only their SHA-256, so a leaked table (or backup) opens no cohort.

const DAY_MS = 86_400_000;
const TOKEN_PATTERN = /^[a-z2-7]{32}$/;

/** 20 random bytes, base32 (32 characters): the secret part of `/join/<token>`. */
export function generateInviteToken(): string {
  const bytes = new Uint8Array(20);
  crypto.getRandomValues(bytes);
  return encodeBase32LowerCaseNoPadding(bytes);
}

export function hashInviteToken(token: string): string {
  return encodeHexLowerCase(sha256(new TextEncoder().encode(token)));
}

export const joinPath = (token: string) => href("/join/:token", { token });

export async function createInvite(
  db: Db,
  input: {
    cohortId: string;
    createdById: string;
    expiresInDays: number;
    maxUses: number | undefined;
    now: Date;
  },
): Promise<{ id: string; token: string; expiresAt: Date }> {
  const token = generateInviteToken();
  const expiresAt = new Date(input.now.getTime() + input.expiresInDays * DAY_MS);
  const invite = await db.cohortInvite.create({
    data: {
      cohortId: input.cohortId,
      tokenHash: hashInviteToken(token),
      createdById: input.createdById,
      createdAt: input.now,
      expiresAt,
      maxUses: input.maxUses ?? null,
    },
    select: { id: true },
  });
  return { id: invite.id, token, expiresAt };
}

/** Revokes one of the cohort's links; false when there is no such link (or it is another's). */
export async function revokeInvite(
  db: Db,
  input: { cohortId: string; inviteId: string; now: Date },
): Promise<boolean> {
  const result = await db.cohortInvite.updateMany({
    where: { id: input.inviteId, cohortId: input.cohortId, revokedAt: null },
    data: { revokedAt: input.now },
  });
  return result.count === 1;
}

export type InviteState = "active" | "expired" | "revoked" | "used-up";

export function inviteState(
  invite: { expiresAt: Date; revokedAt: Date | null; maxUses: number | null; useCount: number },
  now: Date,
): InviteState {
  if (invite.revokedAt) return "revoked";
  if (invite.expiresAt <= now) return "expired";
  if (invite.maxUses !== null && invite.useCount >= invite.maxUses) return "used-up";
  return "active";
}

export type InviteSummary = {
  id: string;
  createdAt: Date;
  createdBy: string | null;
  expiresAt: Date;
  maxUses: number | null;
  useCount: number;
  state: InviteState;
};

/** The cohort's invite links, newest first (the links themselves cannot be shown again). */
export async function listInvites(db: Db, cohortId: string, now: Date): Promise<InviteSummary[]> {
  const invites = await db.cohortInvite.findMany({
    where: { cohortId },
    orderBy: { createdAt: "desc" },
    select: {
      id: true,
      createdAt: true,
      expiresAt: true,
      revokedAt: true,
      maxUses: true,
      useCount: true,
      createdBy: { select: { displayName: true } },
    },
  });
  return invites.map(({ revokedAt, createdBy, ...invite }) => ({
    ...invite,
    createdBy: createdBy?.displayName ?? null,
    state: inviteState({ ...invite, revokedAt }, now),
  }));
}

export type InviteLookup =
  | { state: "unknown" }
  | {
      state: InviteState;
      cohort: { id: string; name: string; courseKey: string; courseId: string };
    };

/** What a `/join/<token>` link leads to. A malformed or unknown token is simply "unknown". */
export async function lookUpInvite(db: Db, token: string, now: Date): Promise<InviteLookup> {
  if (!TOKEN_PATTERN.test(token)) return { state: "unknown" };
  const invite = await db.cohortInvite.findUnique({
    where: { tokenHash: hashInviteToken(token) },
    select: {
      expiresAt: true,
      revokedAt: true,
      maxUses: true,
      useCount: true,
      cohort: {
        select: { id: true, name: true, courseId: true, course: { select: { key: true } } },
      },
    },
  });
  if (!invite) return { state: "unknown" };
  const { cohort } = invite;
  return {
    state: inviteState(invite, now),
    cohort: {
      id: cohort.id,
      name: cohort.name,
      courseId: cohort.courseId,
      courseKey: cohort.course.key,
    },
  };
}

export type RedeemResult =
  | { status: "joined" | "already-member" | "trainer"; cohortId: string; courseKey: string }
  | { status: "unknown" | Exclude<InviteState, "active"> };

class AlreadyMember extends Error {}

/**
 * Joins `userId` to the invite's cohort and enrols them in its course, using up one use of the
 * link. A member who follows the link again uses nothing; a trainer of the cohort never joins it. The use count is taken with one
 * conditional UPDATE, so two people racing for the last use cannot both get in.
 */
export async function redeemInvite(
  db: Db,
  input: { token: string; userId: string; now: Date },
): Promise<RedeemResult> {
  if (!TOKEN_PATTERN.test(input.token)) return { status: "unknown" };
  const tokenHash = hashInviteToken(input.token);
  try {
    return await db.$transaction(async (tx) => {
      const invite = await tx.cohortInvite.findUnique({
        where: { tokenHash },
        select: {
          id: true,
          expiresAt: true,
          revokedAt: true,
          maxUses: true,
          useCount: true,
          cohortId: true,
          cohort: { select: { courseId: true, course: { select: { key: true } } } },
        },
      });
      if (!invite) return { status: "unknown" } as const;
      const found = { cohortId: invite.cohortId, courseKey: invite.cohort.course.key };
      const key = { cohortId_userId: { cohortId: invite.cohortId, userId: input.userId } };
      const trainer = await tx.cohortTrainer.findUnique({ where: key, select: { userId: true } });
      const member = await tx.cohortMembership.findUnique({ where: key, select: { userId: true } });
      if (trainer) return { status: "trainer", ...found } as const;
      if (member) return { status: "already-member", ...found } as const;
      const state = inviteState(invite, input.now);
      if (state !== "active") return { status: state } as const;

      const taken = await takeInviteUse.all(tx, invite.id, input.now);
      if (taken.length !== 1) return { status: "used-up" } as const;

      const joined = await tx.cohortMembership.createMany({
        data: [{ cohortId: invite.cohortId, userId: input.userId, joinedAt: input.now }],
        skipDuplicates: true,
      });
      // Joined through another tab in the meantime: give the use back by rolling back.
      if (joined.count === 0) throw new AlreadyMember();
      await tx.enrolment.createMany({
        data: [
          {
            userId: input.userId,
            courseId: invite.cohort.courseId,
            source: "cohort",
            enrolledAt: input.now,
          },
        ],
        skipDuplicates: true,
      });
      return { status: "joined", ...found } as const;
    });
  } catch (error) {
    if (!(error instanceof AlreadyMember)) throw error;
    const found = await lookUpInvite(db, input.token, input.now);
    return found.state === "unknown"
      ? { status: "unknown" }
      : { status: "already-member", cohortId: found.cohort.id, courseKey: found.cohort.courseKey };
  }
}
