// The requests of the permission matrix, one per row of its table (permission-matrix.test.ts):
// every loader and action of app/routes.ts, with params pointing at cohort A's objects.
import * as accompanimentList from "~/routes/accompaniment/list";
import * as accompanimentNew from "~/routes/accompaniment/new";
import * as accompanimentSession from "~/routes/accompaniment/session";
import * as security from "~/routes/account/security";
import * as adminAudit from "~/routes/admin/audit";
import * as adminErase from "~/routes/admin/erase";
import * as adminUser from "~/routes/admin/user";
import * as adminUsers from "~/routes/admin/users";
import * as login from "~/routes/auth/login";
import * as logout from "~/routes/auth/logout";
import * as signup from "~/routes/auth/signup";
import * as certificate from "~/routes/certificates/certificate";
import * as verify from "~/routes/certificates/verify";
import * as verifyCode from "~/routes/certificates/verify-code";
import * as knowledgeCheck from "~/routes/checks/knowledge-check";
import * as catalogue from "~/routes/courses/catalogue";
import * as course from "~/routes/courses/course";
import * as lesson from "~/routes/courses/lesson";
import * as resume from "~/routes/courses/resume";
import * as followUps from "~/routes/follow-ups/follow-ups";
import * as home from "~/routes/home";
import * as dashboard from "~/routes/learning/dashboard";
import * as locale from "~/routes/locale";
import * as notFound from "~/routes/not-found";
import * as discreet from "~/routes/preferences/discreet";
import * as reportsCsv from "~/routes/reports/export-csv";
import * as reportsIati from "~/routes/reports/iati-json";
import * as reports from "~/routes/reports/index";
import * as cohort from "~/routes/trainer/cohort";
import * as cohortExport from "~/routes/trainer/cohort-export";
import * as cohortImport from "~/routes/trainer/cohort-import";
import * as cohortMembers from "~/routes/trainer/cohort-members";
import * as cohortNew from "~/routes/trainer/cohort-new";
import * as cohortSession from "~/routes/trainer/cohort-session";
import * as cohortSessions from "~/routes/trainer/cohort-sessions";
import * as cohortTrainee from "~/routes/trainer/cohort-trainee";
import * as cohorts from "~/routes/trainer/cohorts";
import * as join from "~/routes/trainer/join";
import type { Actor, MatrixFixture as F } from "./permission-matrix-fixtures.server";

type Module = { loader?: unknown; action?: unknown };

/** Every route module by its file in app/routes.ts, so a test can tell when one is missing. */
export const ROUTE_MODULES: Record<string, Module> = {
  "routes/home.tsx": home,
  "routes/locale.ts": locale,
  "routes/auth/login.tsx": login,
  "routes/auth/signup.tsx": signup,
  "routes/auth/logout.ts": logout,
  "routes/account/security.tsx": security,
  "routes/checks/knowledge-check.tsx": knowledgeCheck,
  "routes/certificates/certificate.tsx": certificate,
  "routes/certificates/verify.tsx": verify,
  "routes/certificates/verify-code.tsx": verifyCode,
  "routes/courses/catalogue.tsx": catalogue,
  "routes/courses/course.tsx": course,
  "routes/courses/resume.ts": resume,
  "routes/courses/lesson.tsx": lesson,
  "routes/learning/dashboard.tsx": dashboard,
  "routes/preferences/discreet.ts": discreet,
  "routes/accompaniment/list.tsx": accompanimentList,
  "routes/accompaniment/new.tsx": accompanimentNew,
  "routes/accompaniment/session.tsx": accompanimentSession,
  "routes/follow-ups/follow-ups.tsx": followUps,
  "routes/reports/index.tsx": reports,
  "routes/reports/export-csv.ts": reportsCsv,
  "routes/reports/iati-json.ts": reportsIati,
  "routes/trainer/cohorts.tsx": cohorts,
  "routes/trainer/cohort-new.tsx": cohortNew,
  "routes/trainer/cohort.tsx": cohort,
  "routes/trainer/cohort-members.tsx": cohortMembers,
  "routes/trainer/cohort-import.tsx": cohortImport,
  "routes/trainer/cohort-trainee.tsx": cohortTrainee,
  "routes/trainer/cohort-sessions.tsx": cohortSessions,
  "routes/trainer/cohort-session.tsx": cohortSession,
  "routes/trainer/cohort-export.ts": cohortExport,
  "routes/trainer/join.tsx": join,
  "routes/admin/users.tsx": adminUsers,
  "routes/admin/user.tsx": adminUser,
  "routes/admin/erase.tsx": adminErase,
  "routes/admin/audit.tsx": adminAudit,
  "routes/not-found.tsx": notFound,
};

export type RouteCase = {
  file: string;
  kind: "loader" | "action";
  /** Path and query of the request. */
  url: (f: F) => string;
  params?: (f: F) => Record<string, string>;
  /** Body of the same-origin POST (actions); `multipart` sends it as multipart/form-data. */
  form?: (f: F) => Record<string, string>;
  multipart?: boolean;
  /** The request ends the session it carries: sign the actor in afresh for it. */
  freshSession?: boolean;
  /** What the page shows by design to anyone it lets in (e.g. a public certificate's holder). */
  exposes?: (f: F) => string[];
  /**
   * Control: actors whose (allowed) answer must contain cohort A's data — proof that the leak
   * search can find what it looks for.
   */
  showsA?: readonly Actor[];
};

const get = (file: string, url: RouteCase["url"], rest: Partial<RouteCase> = {}): RouteCase => ({
  file,
  kind: "loader",
  url,
  ...rest,
});
const post = (
  file: string,
  url: RouteCase["url"],
  form: RouteCase["form"],
  rest: Partial<RouteCase> = {},
): RouteCase => ({ file, kind: "action", url, form, ...rest });

const courseParams = (f: F) => ({ courseKey: f.courseKey });
const lessonUrl = (f: F) => `/courses/${f.courseKey}/lessons/${f.lessonKey}`;
const lessonParams = (f: F) => ({ courseKey: f.courseKey, lessonKey: f.lessonKey });
const checkUrl = (f: F) => `/courses/${f.courseKey}/modules/${f.moduleKey}/check`;
const checkParams = (f: F) => ({ courseKey: f.courseKey, moduleKey: f.moduleKey });
const cohortA = (f: F) => `/trainer/cohorts/${f.cohortA}`;
const cohortB = (f: F) => `/trainer/cohorts/${f.cohortB}`;
const inA = (f: F) => ({ cohortId: f.cohortA });
const today = () => new Date().toISOString().slice(0, 10);

/** Keyed by the label printed in the matrix; `:A`, `:traineeA`… name cohort A's objects. */
export const ROUTE_CASES: Record<string, RouteCase> = {
  "GET /": get("routes/home.tsx", () => "/"),
  "GET /locale": get("routes/locale.ts", () => "/locale"),
  "POST /locale": post(
    "routes/locale.ts",
    () => "/locale",
    () => ({ locale: "fr", redirectTo: "/courses" }),
  ),
  "GET /login": get("routes/auth/login.tsx", () => "/login"),
  "POST /login {}": post(
    "routes/auth/login.tsx",
    () => "/login",
    () => ({}),
  ),
  "GET /signup": get("routes/auth/signup.tsx", () => "/signup"),
  "POST /signup {}": post(
    "routes/auth/signup.tsx",
    () => "/signup",
    () => ({}),
  ),
  "GET /logout": get("routes/auth/logout.ts", () => "/logout"),
  "POST /logout": post(
    "routes/auth/logout.ts",
    () => "/logout",
    () => ({}),
    { freshSession: true },
  ),
  "GET /account/security": get("routes/account/security.tsx", () => "/account/security"),
  "POST /account/security {}": post(
    "routes/account/security.tsx",
    () => "/account/security",
    () => ({}),
  ),
  "GET /courses": get("routes/courses/catalogue.tsx", () => "/courses"),
  "GET /courses/:course": get("routes/courses/course.tsx", (f) => `/courses/${f.courseKey}`, {
    params: courseParams,
  }),
  "POST /courses/:course {}": post(
    "routes/courses/course.tsx",
    (f) => `/courses/${f.courseKey}`,
    () => ({}),
    {
      params: courseParams,
    },
  ),
  "GET /courses/:course/resume": get(
    "routes/courses/resume.ts",
    (f) => `/courses/${f.courseKey}/resume`,
    {
      params: courseParams,
    },
  ),
  "GET /courses/:course/lessons/:lesson": get("routes/courses/lesson.tsx", lessonUrl, {
    params: lessonParams,
  }),
  "POST /courses/:course/lessons/:lesson {}": post(
    "routes/courses/lesson.tsx",
    lessonUrl,
    () => ({}),
    {
      params: lessonParams,
    },
  ),
  "GET …/modules/:module/check": get("routes/checks/knowledge-check.tsx", checkUrl, {
    params: checkParams,
  }),
  "GET …/check?attempt=:attemptOfTraineeA": get(
    "routes/checks/knowledge-check.tsx",
    (f) => `${checkUrl(f)}?attempt=${f.attemptA}`,
    { params: checkParams },
  ),
  "POST …/modules/:module/check {}": post(
    "routes/checks/knowledge-check.tsx",
    checkUrl,
    () => ({}),
    {
      params: checkParams,
    },
  ),
  "GET /courses/:course/certificate": get(
    "routes/certificates/certificate.tsx",
    (f) => `/courses/${f.courseKey}/certificate`,
    { params: courseParams },
  ),
  "GET /verify": get("routes/certificates/verify.tsx", () => "/verify"),
  "GET /verify?code=:codeOfTraineeA": get(
    "routes/certificates/verify.tsx",
    (f) => `/verify?code=${f.certificateCodeA}`,
  ),
  "GET /verify/:codeOfTraineeA": get(
    "routes/certificates/verify-code.tsx",
    (f) => `/verify/${f.certificateCodeA}`,
    {
      params: (f) => ({ code: f.certificateCodeA }),
      // Public verification: whoever holds the code sees the holder's name, course and date.
      exposes: (f) => [f.traineeADisplayName],
    },
  ),
  "GET /learning": get("routes/learning/dashboard.tsx", () => "/learning"),
  "POST /learning {}": post(
    "routes/learning/dashboard.tsx",
    () => "/learning",
    () => ({}),
  ),
  // Addressed to an address without an account: nobody may answer it.
  "POST /learning {accept invitationOfA}": post(
    "routes/learning/dashboard.tsx",
    () => "/learning",
    (f) => ({ intent: "accept-invitation", invitationId: f.invitationIdA }),
  ),
  "POST /learning {decline invitationOfA}": post(
    "routes/learning/dashboard.tsx",
    () => "/learning",
    (f) => ({ intent: "decline-invitation", invitationId: f.invitationIdA }),
  ),
  "GET /preferences/discreet": get("routes/preferences/discreet.ts", () => "/preferences/discreet"),
  "POST /preferences/discreet": post(
    "routes/preferences/discreet.ts",
    () => "/preferences/discreet",
    () => ({ discreet: "on", redirectTo: "/courses" }),
  ),
  "GET /follow-ups": get("routes/follow-ups/follow-ups.tsx", () => "/follow-ups", {
    showsA: ["trainee"],
  }),
  "POST /follow-ups {doneFollowUpOfTraineeA}": post(
    "routes/follow-ups/follow-ups.tsx",
    () => "/follow-ups",
    (f) => ({ followUpId: f.doneFollowUpA }),
  ),
  "GET /trainer/accompaniment": get(
    "routes/accompaniment/list.tsx",
    () => "/trainer/accompaniment",
  ),
  "GET /trainer/accompaniment?trainee=:traineeA&cohort=:A": get(
    "routes/accompaniment/list.tsx",
    (f) => `/trainer/accompaniment?trainee=${f.traineeA}&cohort=${f.cohortA}`,
  ),
  "GET /trainer/accompaniment/new?trainee=:traineeA": get(
    "routes/accompaniment/new.tsx",
    (f) => `/trainer/accompaniment/new?trainee=${f.traineeA}`,
  ),
  "POST /trainer/accompaniment/new {}": post(
    "routes/accompaniment/new.tsx",
    () => "/trainer/accompaniment/new",
    () => ({}),
  ),
  "POST /trainer/accompaniment/new {traineeA, complete}": post(
    "routes/accompaniment/new.tsx",
    () => "/trainer/accompaniment/new",
    (f) => ({
      traineeId: f.traineeA,
      occurredOn: today(),
      mode: "phone",
      activityType: "accompaniment",
      notes: "Recorded by the permission matrix",
    }),
  ),
  "GET /trainer/accompaniment/:sessionOfA": get(
    "routes/accompaniment/session.tsx",
    (f) => `/trainer/accompaniment/${f.accompanimentA}`,
    { showsA: ["trainer", "admin"], params: (f) => ({ sessionId: f.accompanimentA }) },
  ),
  "GET /trainer/accompaniment/:sensitiveSessionOfA": get(
    "routes/accompaniment/session.tsx",
    (f) => `/trainer/accompaniment/${f.sensitiveAccompanimentA}`,
    { showsA: ["trainer", "admin"], params: (f) => ({ sessionId: f.sensitiveAccompanimentA }) },
  ),
  "POST /trainer/accompaniment/:sessionOfA {done→done}": post(
    "routes/accompaniment/session.tsx",
    (f) => `/trainer/accompaniment/${f.accompanimentA}`,
    (f) => ({ followUpId: f.doneFollowUpA, status: "done" }),
    { params: (f) => ({ sessionId: f.accompanimentA }) },
  ),
  "GET /reports": get("routes/reports/index.tsx", () => "/reports"),
  "GET /reports/export.csv": get("routes/reports/export-csv.ts", () => "/reports/export.csv"),
  "GET /reports/iati.json": get("routes/reports/iati-json.ts", () => "/reports/iati.json"),
  "GET /trainer/cohorts": get("routes/trainer/cohorts.tsx", () => "/trainer/cohorts"),
  "GET /trainer/cohorts/new": get("routes/trainer/cohort-new.tsx", () => "/trainer/cohorts/new"),
  "POST /trainer/cohorts/new {}": post(
    "routes/trainer/cohort-new.tsx",
    () => "/trainer/cohorts/new",
    () => ({}),
  ),
  "GET /trainer/cohorts/:A": get("routes/trainer/cohort.tsx", cohortA, {
    showsA: ["trainer", "admin"],
    params: inA,
  }),
  "GET /trainer/cohorts/:A/members": get(
    "routes/trainer/cohort-members.tsx",
    (f) => `${cohortA(f)}/members`,
    {
      params: inA,
    },
  ),
  "POST /trainer/cohorts/:A/members {add, empty}": post(
    "routes/trainer/cohort-members.tsx",
    (f) => `${cohortA(f)}/members`,
    () => ({ intent: "add-member", email: "" }),
    { params: inA },
  ),
  "POST /trainer/cohorts/:A/members {add, new address}": post(
    "routes/trainer/cohort-members.tsx",
    (f) => `${cohortA(f)}/members`,
    () => ({ intent: "add-member", email: "matrix-invitee@nowhere.example" }),
    { params: inA },
  ),
  "GET /trainer/cohorts/:A/members/import": get(
    "routes/trainer/cohort-import.tsx",
    (f) => `${cohortA(f)}/members/import`,
    { params: inA },
  ),
  "POST /trainer/cohorts/:A/members/import {no file}": post(
    "routes/trainer/cohort-import.tsx",
    (f) => `${cohortA(f)}/members/import`,
    () => ({}),
    { params: inA, multipart: true },
  ),
  "GET /trainer/cohorts/:A/trainees/:traineeA": get(
    "routes/trainer/cohort-trainee.tsx",
    (f) => `${cohortA(f)}/trainees/${f.traineeA}`,
    { showsA: ["trainer", "admin"], params: (f) => ({ cohortId: f.cohortA, userId: f.traineeA }) },
  ),
  "GET /trainer/cohorts/:A/sessions": get(
    "routes/trainer/cohort-sessions.tsx",
    (f) => `${cohortA(f)}/sessions`,
    {
      params: inA,
    },
  ),
  "POST /trainer/cohorts/:A/sessions {}": post(
    "routes/trainer/cohort-sessions.tsx",
    (f) => `${cohortA(f)}/sessions`,
    () => ({ title: "" }),
    { params: inA },
  ),
  "GET /trainer/cohorts/:A/sessions/:workshopA": get(
    "routes/trainer/cohort-session.tsx",
    (f) => `${cohortA(f)}/sessions/${f.workshopA}`,
    { params: (f) => ({ cohortId: f.cohortA, sessionId: f.workshopA }) },
  ),
  "POST /trainer/cohorts/:A/sessions/:workshopA {bad status}": post(
    "routes/trainer/cohort-session.tsx",
    (f) => `${cohortA(f)}/sessions/${f.workshopA}`,
    (f) => ({ [`status.${f.traineeA}`]: "nonsense" }),
    { params: (f) => ({ cohortId: f.cohortA, sessionId: f.workshopA }) },
  ),
  "GET /trainer/cohorts/:A/export.csv?kind=roster": get(
    "routes/trainer/cohort-export.ts",
    (f) => `${cohortA(f)}/export.csv?kind=roster`,
    { showsA: ["trainer", "admin"], params: inA },
  ),
  "GET /trainer/cohorts/:A/export.csv?kind=attendance": get(
    "routes/trainer/cohort-export.ts",
    (f) => `${cohortA(f)}/export.csv?kind=attendance`,
    { params: inA },
  ),
  // Cohort B's address with cohort A's objects: B's trainer must not reach A through B.
  "GET /trainer/cohorts/:B/trainees/:traineeA": get(
    "routes/trainer/cohort-trainee.tsx",
    (f) => `${cohortB(f)}/trainees/${f.traineeA}`,
    { params: (f) => ({ cohortId: f.cohortB, userId: f.traineeA }) },
  ),
  "GET /trainer/cohorts/:B/sessions/:workshopA": get(
    "routes/trainer/cohort-session.tsx",
    (f) => `${cohortB(f)}/sessions/${f.workshopA}`,
    { params: (f) => ({ cohortId: f.cohortB, sessionId: f.workshopA }) },
  ),
  "POST /trainer/cohorts/:B/sessions/:workshopA {traineeA absent}": post(
    "routes/trainer/cohort-session.tsx",
    (f) => `${cohortB(f)}/sessions/${f.workshopA}`,
    (f) => ({ [`status.${f.traineeA}`]: "absent" }),
    { params: (f) => ({ cohortId: f.cohortB, sessionId: f.workshopA }) },
  ),
  "POST /trainer/cohorts/:B/members {revoke inviteOfA}": post(
    "routes/trainer/cohort-members.tsx",
    (f) => `${cohortB(f)}/members`,
    (f) => ({ intent: "revoke-invite", inviteId: f.spareInviteIdA }),
    { params: (f) => ({ cohortId: f.cohortB }) },
  ),
  "POST /trainer/cohorts/:B/members {revoke invitationOfA}": post(
    "routes/trainer/cohort-members.tsx",
    (f) => `${cohortB(f)}/members`,
    (f) => ({ intent: "revoke-invitation", invitationId: f.invitationIdA }),
    { params: (f) => ({ cohortId: f.cohortB }) },
  ),
  "GET /join/:liveTokenOfA": get("routes/trainer/join.tsx", (f) => `/join/${f.liveInviteTokenA}`, {
    params: (f) => ({ token: f.liveInviteTokenA }),
    // Whoever holds a live link is told which cohort it opens.
    exposes: (f) => [f.cohortAName],
  }),
  "GET /join/:revokedTokenOfA": get(
    "routes/trainer/join.tsx",
    (f) => `/join/${f.revokedInviteTokenA}`,
    {
      params: (f) => ({ token: f.revokedInviteTokenA }),
    },
  ),
  "POST /join/:revokedTokenOfA": post(
    "routes/trainer/join.tsx",
    (f) => `/join/${f.revokedInviteTokenA}`,
    () => ({}),
    {
      params: (f) => ({ token: f.revokedInviteTokenA }),
    },
  ),
  "GET /admin": get("routes/admin/users.tsx", () => "/admin"),
  "GET /admin/users/:traineeA": get("routes/admin/user.tsx", (f) => `/admin/users/${f.traineeA}`, {
    showsA: ["admin"],
    params: (f) => ({ userId: f.traineeA }),
  }),
  "POST /admin/users/:traineeA {}": post(
    "routes/admin/user.tsx",
    (f) => `/admin/users/${f.traineeA}`,
    () => ({}),
    {
      params: (f) => ({ userId: f.traineeA }),
    },
  ),
  "GET /admin/users/:traineeA/erase": get(
    "routes/admin/erase.tsx",
    (f) => `/admin/users/${f.traineeA}/erase`,
    {
      params: (f) => ({ userId: f.traineeA }),
    },
  ),
  "POST /admin/users/:traineeA/erase {}": post(
    "routes/admin/erase.tsx",
    (f) => `/admin/users/${f.traineeA}/erase`,
    () => ({}),
    { params: (f) => ({ userId: f.traineeA }) },
  ),
  "GET /admin/audit": get("routes/admin/audit.tsx", () => "/admin/audit"),
  "GET /no-such-page": get("routes/not-found.tsx", () => "/no-such-page"),
  "POST /no-such-page": post(
    "routes/not-found.tsx",
    () => "/no-such-page",
    () => ({}),
  ),
};
