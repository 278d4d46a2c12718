import { index, type RouteConfig, route } from "@react-router/dev/routes";

/*
 * Route files are laid out as their URLs are (docs/decisions/016-explicit-route-config.md):
 *
 * - every static segment of the URL is a folder, in order; a `:param` segment adds no folder;
 * - the file is named after the URL's last segment:
 *   - a static one keeps its word (`…/new` → `new.tsx`, `…/check` → `check.tsx`), with a dash
 *     for a dot (`export.csv` → `export-csv.ts`);
 *   - a `:param` one is the singular of the segment before it when that is a plural noun
 *     (`courses/:courseKey` → `courses/course.tsx`, `trainees/:userId` → `trainees/trainee.tsx`),
 *     else the param's name without `Id`/`Key` (`accompaniment/:sessionId` → `session.tsx`,
 *     `join/:token` → `join/token.tsx`);
 * - a URL that ends in a static segment other URLs extend is that folder's `index`
 *   (`trainer/cohorts` → `trainer/cohorts/index.tsx`); `/` is `routes/index.tsx`;
 * - the splat is `routes/not-found.tsx`. A test sits next to the route it drives
 *   (`session.tsx` → `session.test.ts`), or in the nearest folder of all the routes it drives.
 *
 * Entries are sorted by URL. React Router ranks by specificity, so the order is for readers.
 */
export default [
  index("routes/index.tsx"),
  route("account/profile", "routes/account/profile.tsx"),
  route("account/security", "routes/account/security.tsx"),
  route("action-plans", "routes/action-plans/index.tsx"),
  route("action-plans/:planId", "routes/action-plans/plan.tsx"),
  route("action-plans/new", "routes/action-plans/new.tsx"),
  route("admin", "routes/admin/index.tsx"),
  route("admin/audit", "routes/admin/audit.tsx"),
  route("admin/credentials", "routes/admin/credentials.tsx"),
  route("admin/users/:userId", "routes/admin/users/user.tsx"),
  route("admin/users/:userId/erase", "routes/admin/users/erase.tsx"),
  route("admin/users/new", "routes/admin/users/new.tsx"),
  route("courses", "routes/courses/index.tsx"),
  route("courses/:courseKey", "routes/courses/course.tsx"),
  route("courses/:courseKey/certificate", "routes/courses/certificate.tsx"),
  route("courses/:courseKey/credential", "routes/courses/credential.ts"),
  route("courses/:courseKey/lessons/:lessonKey", "routes/courses/lessons/lesson.tsx"),
  route("courses/:courseKey/modules/:moduleKey/check", "routes/courses/modules/check.tsx"),
  route("courses/:courseKey/modules/:moduleKey/feedback", "routes/courses/modules/feedback.tsx"),
  route("courses/:courseKey/offline", "routes/courses/offline.tsx"),
  route("courses/:courseKey/resume", "routes/courses/resume.ts"),
  route("courses/:courseKey/tests/:kind", "routes/courses/tests/test.tsx"),
  route("credentials/issuer/did.json", "routes/credentials/issuer/did-json.ts"),
  route("credentials/status/:listId", "routes/credentials/status/list.ts"),
  route("exit", "routes/exit.ts"),
  route("follow-ups", "routes/follow-ups.tsx"),
  route("join/:token", "routes/join/token.tsx"),
  route("learning", "routes/learning.tsx"),
  route("locale", "routes/locale.ts"),
  route("login", "routes/login.tsx"),
  route("logout", "routes/logout.ts"),
  route("preferences/discreet", "routes/preferences/discreet.ts"),
  route("recover", "routes/recover.tsx"),
  route("reports", "routes/reports/index.tsx"),
  route("reports/export.csv", "routes/reports/export-csv.ts"),
  route("reports/iati.json", "routes/reports/iati-json.ts"),
  route("reports/learning-gain", "routes/reports/learning-gain.tsx"),
  route("signup", "routes/signup.tsx"),
  route("trainer/accompaniment", "routes/trainer/accompaniment/index.tsx"),
  route("trainer/accompaniment/:sessionId", "routes/trainer/accompaniment/session.tsx"),
  route("trainer/accompaniment/new", "routes/trainer/accompaniment/new.tsx"),
  route("trainer/cohorts", "routes/trainer/cohorts/index.tsx"),
  route("trainer/cohorts/:cohortId", "routes/trainer/cohorts/cohort.tsx"),
  route("trainer/cohorts/:cohortId/export.csv", "routes/trainer/cohorts/export-csv.ts"),
  route("trainer/cohorts/:cohortId/members", "routes/trainer/cohorts/members/index.tsx"),
  route("trainer/cohorts/:cohortId/members/import", "routes/trainer/cohorts/members/import.tsx"),
  route("trainer/cohorts/:cohortId/sessions", "routes/trainer/cohorts/sessions/index.tsx"),
  route(
    "trainer/cohorts/:cohortId/sessions/:sessionId",
    "routes/trainer/cohorts/sessions/session.tsx",
  ),
  route(
    "trainer/cohorts/:cohortId/sessions/:sessionId/edit",
    "routes/trainer/cohorts/sessions/edit.tsx",
  ),
  route(
    "trainer/cohorts/:cohortId/trainees/:userId",
    "routes/trainer/cohorts/trainees/trainee.tsx",
  ),
  route("trainer/cohorts/new", "routes/trainer/cohorts/new.tsx"),
  route("trainer/kit", "routes/trainer/kit/index.tsx"),
  route("trainer/kit/:sessionId", "routes/trainer/kit/session.tsx"),
  route("trainer/kit/:sessionId/changes", "routes/trainer/kit/changes.ts"),
  route("trainer/kit/:sessionId/commands", "routes/trainer/kit/commands.ts"),
  route("trainer/kit/sw.js", "routes/trainer/kit/sw-js.ts"),
  route("verify", "routes/verify/index.tsx"),
  route("verify/:code", "routes/verify/code.tsx"),
  route("workshops.ics", "routes/workshops-ics.ts"),
  route("*", "routes/not-found.tsx"),
] satisfies RouteConfig;
