import type { Db } from "@peacelearn/db";
import { type InvitationRequest, recordInvitations } from "./invitations.server";
import type { ImportRow, RowProblem } from "./roster-import";

// Decision (docs/decisions/011-cohort-invitations.md, replacing 008's first decision): adding
// someone by e-mail or CSV records an invitation she accepts on "my learning". The answer for a
// row never depends on whether the address has an account, what that account's roles or profile
// are: it depends only on the row itself and on the cohort's members, whom the trainer sees.

export type RowOutcome = {
  line: number;
  email: string;
  /** The name in the file (never the account's: the trainer has no account to look at). */
  name: string;
} & (
  | { status: "invited" }
  | { status: "skipped"; reason: "already-member" }
  | { status: "rejected"; reason: RowProblem["reason"]; problem: RowProblem }
);

/**
 * Invites the people of checked rows to a cohort, reporting each row: invited, skipped (already
 * a member) or rejected (a problem in the row itself). Profile values in the file travel with the
 * invitation and fill only blanks of the person's profile once she accepts.
 */
export async function inviteMembers(
  db: Db,
  input: { cohortId: string; invitedById: string; rows: readonly ImportRow[]; now: Date },
): Promise<RowOutcome[]> {
  const requests: InvitationRequest[] = input.rows
    .filter((row) => !row.problem)
    .map((row) => ({
      email: row.email,
      gender: row.gender,
      birthYear: row.birthYear,
      locationCode: row.locationCode,
    }));
  const results = await recordInvitations(db, {
    cohortId: input.cohortId,
    invitedById: input.invitedById,
    requests,
    now: input.now,
  });
  return input.rows.map((row): RowOutcome => {
    const base = { line: row.line, email: row.email, name: row.name };
    if (row.problem) {
      return { ...base, status: "rejected", reason: row.problem.reason, problem: row.problem };
    }
    return results.get(row.email.toLowerCase()) === "already-member"
      ? { ...base, status: "skipped", reason: "already-member" }
      : { ...base, status: "invited" };
  });
}

/** Invites one person by e-mail (the same rules as a one-row import). */
export async function inviteMemberByEmail(
  db: Db,
  input: { cohortId: string; invitedById: string; email: string; now: Date },
): Promise<RowOutcome> {
  const [outcome] = await inviteMembers(db, {
    cohortId: input.cohortId,
    invitedById: input.invitedById,
    now: input.now,
    rows: [
      {
        line: 0,
        email: input.email.trim().toLowerCase(),
        name: "",
        gender: undefined,
        birthYear: undefined,
        locationCode: undefined,
        problem: undefined,
      },
    ],
  });
  if (!outcome) throw new Error("inviteMembers returned no outcome for one row");
  return outcome;
}

/** Totals of an import report, for its summary line. */
export function countOutcomes(outcomes: readonly RowOutcome[]) {
  return {
    invited: outcomes.filter((outcome) => outcome.status === "invited").length,
    skipped: outcomes.filter((outcome) => outcome.status === "skipped").length,
    rejected: outcomes.filter((outcome) => outcome.status === "rejected").length,
  };
}
