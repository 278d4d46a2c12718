import type { Db } from "@peacelearn/db";
import {
  type CertificateView,
  findOwnCertificate,
} from "~/modules/certificates/certificates.server";
import { loadCourseOutline } from "~/modules/courses/outline.server";
import { completeCourseIfDone } from "./completion.server";

/**
 * The signed-in person's certificate for a published course, or null. Self-healing: a
 * completion that no request recorded yet (e.g. the last lesson was completed by a flow that did
 * not apply the rule) is recorded now. Idempotent.
 */
export async function loadOwnCertificate(
  db: Db,
  query: { userId: string; courseKey: string; locale: string },
): Promise<CertificateView | null> {
  const certificate = await findOwnCertificate(db, query);
  if (certificate) return certificate;
  const course = await loadCourseOutline(db, query.courseKey, query.locale);
  if (!course?.isPublished) return null;
  const outcome = await completeCourseIfDone(db, { userId: query.userId, course });
  return outcome.status === "completed" ? findOwnCertificate(db, query) : null;
}
