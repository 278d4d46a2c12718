// Links into the cohort pages, through React Router's typed `href()` (see modules/courses/hrefs.ts).
import { href } from "react-router";

export const cohortHref = (cohortId: string) =>
  href("/trainer/cohorts/:cohortId", { cohortId: encodeURIComponent(cohortId) });
export const traineeHref = (cohortId: string, userId: string) =>
  href("/trainer/cohorts/:cohortId/trainees/:userId", {
    cohortId: encodeURIComponent(cohortId),
    userId: encodeURIComponent(userId),
  });
export const workshopHref = (cohortId: string, sessionId: string) =>
  href("/trainer/cohorts/:cohortId/sessions/:sessionId", {
    cohortId: encodeURIComponent(cohortId),
    sessionId: encodeURIComponent(sessionId),
  });
/** The export's address; its form adds `kind`, `sep` and `headers` (routes/…/export-csv.ts). */
export const exportAction = (cohortId: string) =>
  href("/trainer/cohorts/:cohortId/export.csv", { cohortId: encodeURIComponent(cohortId) });
export const workshopEditHref = (cohortId: string, sessionId: string) =>
  href("/trainer/cohorts/:cohortId/sessions/:sessionId/edit", {
    cohortId: encodeURIComponent(cohortId),
    sessionId: encodeURIComponent(sessionId),
  });
