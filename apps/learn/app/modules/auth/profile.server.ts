import type { Db } from "@peacelearn/db";
import { recordAudit } from "~/modules/audit/audit.server";

/** What the profile page shows and edits. */
export type Profile = {
  displayName: string;
  preferredLocale: string;
  gender: string;
  birthYear: number | null;
  locationCode: string | null;
  organisation: string | null;
};

const profileSelect = {
  displayName: true,
  preferredLocale: true,
  gender: true,
  birthYear: true,
  locationCode: true,
  organisation: true,
} as const;

export async function loadProfile(db: Db, userId: string): Promise<Profile> {
  return db.user.findUniqueOrThrow({ where: { id: userId }, select: profileSelect });
}

export type ProfileInput = {
  displayName: string;
  preferredLocale: string;
  gender?: string | undefined;
  birthYear?: number | undefined;
  locationCode?: string | undefined;
  organisation?: string | undefined;
};

/**
 * Saves her profile and, when anything changed, audits which fields did (their names only: the
 * log must not become a second copy of what she chose to say, or to stop saying, about herself).
 * A field left empty is cleared; gender left out is "prefer not to say", as she chose it.
 */
export async function updateProfile(
  db: Db,
  { userId, input }: { userId: string; input: ProfileInput },
): Promise<{ changed: (keyof Profile)[] }> {
  const next: Profile = {
    displayName: input.displayName,
    preferredLocale: input.preferredLocale,
    gender: input.gender ?? "prefer-not-to-say",
    birthYear: input.birthYear ?? null,
    locationCode: input.locationCode ?? null,
    organisation: input.organisation || null,
  };
  return db.$transaction(async (tx) => {
    const current = await tx.user.findUniqueOrThrow({
      where: { id: userId },
      select: profileSelect,
    });
    const changed = (Object.keys(next) as (keyof Profile)[]).filter(
      (field) => current[field] !== next[field],
    );
    if (changed.length === 0) return { changed };
    await tx.user.update({ where: { id: userId }, data: next });
    await recordAudit(tx, {
      actorId: userId,
      action: "user.profile.updated",
      subjectType: "user",
      subjectId: userId,
      metadata: { fields: changed },
    });
    return { changed };
  });
}
