import { randomInt } from "node:crypto";
import { type Db, isUniqueViolation } from "@peacelearn/db";
import { createI18n } from "~/lib/i18n";
import { recordAudit } from "~/modules/audit/audit.server";
import { findOwnCertificate } from "~/modules/certificates/certificates.server";
import { certificateIssuer } from "~/modules/certificates/issuer.server";
import { verificationCodeCandidates } from "~/modules/certificates/verification-code.server";
import { issuerDid } from "./keys.server";
import {
  openBadgeCredential,
  STATUS_LIST,
  signCredential,
  statusListUrl,
} from "./open-badge.server";
import type { DownloadOptions } from "./schema";
import { STATUS_LIST_SIZE, statusListCredential } from "./status-list.server";

/** Draws of a free random place on the list; a clash is ~n / 131,072 per draw. */
const INDEX_DRAWS = 20;

/**
 * The certificate's place on the status list, drawn at random the first time (at issue for new
 * certificates, on the first download for older ones) and the same ever after. Race-safe: the
 * unique certificate (and list, index) pairs let one insert win.
 */
export async function ensureCertificateCredential(
  db: Db,
  certificateId: string,
): Promise<{ statusIndex: number }> {
  const select = { statusIndex: true } as const;
  for (let draw = 1; draw <= INDEX_DRAWS; draw++) {
    const existing = await db.certificateCredential.findUnique({
      where: { certificateId },
      select,
    });
    if (existing) return existing;
    try {
      return await db.certificateCredential.create({
        data: { certificateId, statusList: STATUS_LIST, statusIndex: randomInt(STATUS_LIST_SIZE) },
        select,
      });
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
    }
  }
  throw new Error(`ensureCertificateCredential: no free place after ${INDEX_DRAWS} draws`);
}

/** A minute count in hours, rounded to the half hour, at least half an hour. */
function studyHours(minutes: number): number {
  return Math.max(0.5, Math.round(minutes / 30) / 2);
}

/**
 * The signed-in person's certificate as a signed OpenBadgeCredential with the options she chose,
 * or null when she holds none for this course. Only the salted hash of her e-mail identifies her;
 * her name only if she asked for it; never her gender, age, organisation or place.
 */
export async function ownOpenBadge(
  db: Db,
  {
    userId,
    courseKey,
    locale,
    origin,
    options,
  }: {
    userId: string;
    courseKey: string;
    locale: string;
    origin: string;
    options: DownloadOptions;
  },
): Promise<Record<string, unknown> | null> {
  const certificate = await db.certificate.findFirst({
    where: { userId, course: { key: courseKey } },
    select: { id: true, user: { select: { email: true } } },
  });
  if (!certificate) return null;
  const view = await findOwnCertificate(db, { userId, courseKey, locale });
  if (!view) return null;
  const { statusIndex } = await ensureCertificateCredential(db, certificate.id);
  const t = createI18n(locale).getFixedT(locale, "credentials");
  const hours = studyHours(view.studyMinutes);
  const neutral = options.title === "neutral";
  const credential = openBadgeCredential({
    origin,
    issuerName: certificateIssuer().organisation,
    achievementKey: neutral ? "professional-development" : courseKey,
    title: neutral ? t("badge.neutralTitle") : view.courseTitle,
    description: t(neutral ? "badge.neutralDescription" : "badge.description", { count: hours }),
    criteria: t("badge.criteria"),
    language: locale,
    awardedAt: view.completedAt,
    email: certificate.user.email,
    holderName: options.showName ? view.holderName : null,
    statusIndex,
  });
  return signCredential(credential, { origin });
}

export type RevocationResult =
  | { ok: true; alreadyRevoked: boolean }
  | { ok: false; error: "not-found" };

/**
 * Revokes the credentials of the certificate a verification code stands for, with the admin's
 * reason, audited. Works for a certificate never downloaded too: its place is taken now, so any
 * credential signed later carries a revoked index. Revoking twice keeps the first reason.
 */
export async function revokeCertificateCredential(
  db: Db,
  {
    code,
    reason,
    actorId,
    now = new Date(),
  }: { code: string; reason: string; actorId: string; now?: Date },
): Promise<RevocationResult> {
  const candidates = verificationCodeCandidates(code);
  if (candidates.length === 0) return { ok: false, error: "not-found" };
  const certificate = await db.certificate.findFirst({
    where: { verificationCode: { in: candidates } },
    select: { id: true, verificationCode: true },
  });
  if (!certificate) return { ok: false, error: "not-found" };
  await ensureCertificateCredential(db, certificate.id);
  return db.$transaction(async (tx) => {
    const changed = await tx.certificateCredential.updateMany({
      where: { certificateId: certificate.id, revokedAt: null },
      data: { revokedAt: now, revocationReason: reason },
    });
    if (changed.count === 0) return { ok: true, alreadyRevoked: true };
    await recordAudit(tx, {
      actorId,
      action: "credential.revoked",
      subjectType: "certificate",
      subjectId: certificate.id,
      metadata: { code: certificate.verificationCode, reason },
    });
    return { ok: true, alreadyRevoked: false };
  });
}

/** The latest revocations, for the admin page (bounded). */
export function recentRevocations(db: Db, take = 50) {
  return db.certificateCredential.findMany({
    where: { revokedAt: { not: null } },
    orderBy: [{ revokedAt: "desc" }, { id: "asc" }],
    take,
    select: {
      revokedAt: true,
      revocationReason: true,
      certificate: { select: { verificationCode: true } },
    },
  });
}

type SignedList = { key: string; credential: Record<string, unknown> };
let signedList: SignedList | undefined;

/**
 * The signed BitstringStatusListCredential of list `list`, as published. Re-signed only when a
 * revocation changed it (or the address or key did): one small query per request otherwise.
 */
export async function publishedStatusList(
  db: Db,
  { origin, list = STATUS_LIST, now = new Date() }: { origin: string; list?: number; now?: Date },
): Promise<Record<string, unknown>> {
  const revoked = await db.certificateCredential.findMany({
    where: { statusList: list, revokedAt: { not: null } },
    orderBy: { statusIndex: "asc" },
    select: { statusIndex: true },
  });
  const indexes = revoked.map((row) => row.statusIndex);
  const key = `${origin}|${list}|${indexes.join(",")}`;
  if (signedList?.key === key) return signedList.credential;
  const url = statusListUrl(origin, list);
  const unsigned = statusListCredential({ url, issuer: issuerDid(origin), revoked: indexes, now });
  const credential = await signCredential(unsigned, { origin });
  signedList = { key, credential };
  return credential;
}
