import { type Db, isUniqueViolation, type Prisma } from "@peacelearn/db";
import { newVerificationCode, verificationCodeCandidates } from "./verification-code.server";

const FALLBACK_LOCALE = "en";
/** Chances of drawing a code already in use are ~n / 2^60; five draws are more than enough. */
const CODE_DRAWS = 5;

export type IssuedCertificate = { id: string; verificationCode: string; issuedAt: Date };

/** The certificate `userId` holds for `courseId`, if one was issued. */
export function findIssuedCertificate(
  db: Db,
  { userId, courseId }: { userId: string; courseId: string },
): Promise<IssuedCertificate | null> {
  return db.certificate.findUnique({
    where: { userId_courseId: { userId, courseId } },
    select: { id: true, verificationCode: true, issuedAt: true },
  });
}

/**
 * Issues the one certificate of `userId` for `courseId`, or returns the one already issued. Two
 * requests completing the course at the same moment both reach the insert; the unique
 * (user, course) index lets exactly one win and the other reads the winner's row. A clash on the
 * verification code (astronomically rare) draws a new code.
 */
export async function issueCertificate(
  db: Db,
  { userId, courseId, issuedAt }: { userId: string; courseId: string; issuedAt: Date },
): Promise<{ certificate: IssuedCertificate; issuedNow: boolean }> {
  const select = { id: true, verificationCode: true, issuedAt: true } as const;
  for (let draw = 1; draw <= CODE_DRAWS; draw++) {
    try {
      const certificate = await db.certificate.create({
        data: { userId, courseId, issuedAt, verificationCode: newVerificationCode() },
        select,
      });
      return { certificate, issuedNow: true };
    } catch (error) {
      if (isUniqueViolation(error, "verificationCode")) continue;
      if (!isUniqueViolation(error)) throw error;
      const existing = await db.certificate.findUniqueOrThrow({
        where: { userId_courseId: { userId, courseId } },
        select,
      });
      return { certificate: existing, issuedNow: false };
    }
  }
  throw new Error(`issueCertificate: no free verification code after ${CODE_DRAWS} draws`);
}

function courseTitle(
  course: { key: string; translations: Array<{ locale: string; title: string }> },
  locale: string,
) {
  const rows = course.translations;
  return (
    rows.find((row) => row.locale === locale)?.title ??
    rows.find((row) => row.locale === FALLBACK_LOCALE)?.title ??
    course.key
  );
}

/** Erased people keep their certificate (counts stay right) but their name is no longer shown. */
function holderName(user: { displayName: string; erasedAt: Date | null }): string | null {
  return user.erasedAt ? null : user.displayName;
}

export type CertificateView = {
  /** Null when the holder's personal data was erased: show "Name withheld". */
  holderName: string | null;
  courseTitle: string;
  completedAt: Date;
  verificationCode: string;
  /** The course's study time: its lessons' estimated reading minutes, added up. */
  studyMinutes: number;
};

/** Modules and lessons still in the course (modules/courses/translation.ts `activeContent`). */
const activeContent = { position: { gt: 0 } } as const;

function certificateSelect(locale: string) {
  const locales: string[] = [...new Set([locale, FALLBACK_LOCALE])];
  return {
    verificationCode: true,
    issuedAt: true,
    user: { select: { displayName: true, erasedAt: true } },
    course: {
      select: {
        key: true,
        translations: {
          where: { locale: { in: locales } },
          select: { locale: true, title: true },
        },
        modules: {
          where: activeContent,
          select: {
            lessons: {
              where: activeContent,
              select: { translations: { select: { estimatedMinutes: true } } },
            },
          },
        },
      },
    },
  } satisfies Prisma.CertificateSelect;
}

/**
 * The signed-in person's certificate for a course, or null (the page answers 404: nobody else's
 * certificate is reachable from this URL). The completion date is the issue date: both are set
 * from the same moment when the course is completed.
 */
export async function findOwnCertificate(
  db: Db,
  { userId, courseKey, locale }: { userId: string; courseKey: string; locale: string },
): Promise<CertificateView | null> {
  const certificate = await db.certificate.findFirst({
    where: { userId, course: { key: courseKey } },
    select: certificateSelect(locale),
  });
  return certificate ? certificateView(certificate, locale) : null;
}

function certificateView(
  certificate: Prisma.CertificateGetPayload<{ select: ReturnType<typeof certificateSelect> }>,
  locale: string,
): CertificateView {
  return {
    holderName: holderName(certificate.user),
    courseTitle: courseTitle(certificate.course, locale),
    completedAt: certificate.issuedAt,
    verificationCode: certificate.verificationCode,
    studyMinutes: studyMinutes(certificate.course.modules),
  };
}

/** A lesson's time is its longest translation's (a translation may run longer than another). */
function studyMinutes(
  modules: ReadonlyArray<{
    lessons: ReadonlyArray<{ translations: ReadonlyArray<{ estimatedMinutes: number }> }>;
  }>,
): number {
  let total = 0;
  for (const module of modules) {
    for (const lesson of module.lessons) {
      total += Math.max(0, ...lesson.translations.map((t) => t.estimatedMinutes));
    }
  }
  return total;
}

/**
 * Public verification: the certificate a typed code stands for (see
 * {@link verificationCodeCandidates}), reduced to what a third party may learn — the holder's
 * display name, the course title and the completion date. Nothing else about the person leaves
 * this function.
 */
export async function verifyCertificate(
  db: Db,
  { code, locale }: { code: string; locale: string },
): Promise<Omit<CertificateView, "studyMinutes"> | null> {
  const candidates = verificationCodeCandidates(code);
  if (candidates.length === 0) return null;
  const certificate = await db.certificate.findFirst({
    where: { verificationCode: { in: candidates } },
    select: certificateSelect(locale),
  });
  if (!certificate) return null;
  // The page answers what it shows and no more: the study time is the holder's document's.
  const { studyMinutes: _studyMinutes, ...verified } = certificateView(certificate, locale);
  return verified;
}
