export const cohortHref = (cohortId: string) => `/trainer/cohorts/${encodeURIComponent(cohortId)}`;
export const traineeHref = (cohortId: string, userId: string) =>
  `${cohortHref(cohortId)}/trainees/${encodeURIComponent(userId)}`;
export const workshopHref = (cohortId: string, sessionId: string) =>
  `${cohortHref(cohortId)}/sessions/${encodeURIComponent(sessionId)}`;
export const exportHref = (cohortId: string, kind: string) =>
  `${cohortHref(cohortId)}/export.csv?kind=${kind}`;
