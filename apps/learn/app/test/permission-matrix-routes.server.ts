// The requests of the permission matrix, one per row of its table (permission-matrix.test.ts):
// every loader and action of app/routes.ts, with params pointing at cohort A's objects.

import * as profile from "~/routes/account/profile";
import * as security from "~/routes/account/security";
import * as actionPlans from "~/routes/action-plans/index";
import * as actionPlanNew from "~/routes/action-plans/new";
import * as actionPlan from "~/routes/action-plans/plan";
import * as adminAudit from "~/routes/admin/audit";
import * as adminCredentials from "~/routes/admin/credentials";
import * as adminUsers from "~/routes/admin/index";
import * as adminErase from "~/routes/admin/users/erase";
import * as adminNewUser from "~/routes/admin/users/new";
import * as adminUser from "~/routes/admin/users/user";
import * as certificate from "~/routes/courses/certificate";
import * as course from "~/routes/courses/course";
import * as credentialDownload from "~/routes/courses/credential";
import * as catalogue from "~/routes/courses/index";
import * as lesson from "~/routes/courses/lessons/lesson";
import * as knowledgeCheck from "~/routes/courses/modules/check";
import * as moduleReaction from "~/routes/courses/modules/feedback";
import * as offlinePack from "~/routes/courses/offline";
import * as resume from "~/routes/courses/resume";
import * as learnerTest from "~/routes/courses/tests/test";
import * as issuerDidDocument from "~/routes/credentials/issuer/did-json";
import * as credentialStatusList from "~/routes/credentials/status/list";
import * as exit from "~/routes/exit";
import * as followUps from "~/routes/follow-ups";
import * as home from "~/routes/index";
import * as join from "~/routes/join/token";
import * as dashboard from "~/routes/learning";
import * as locale from "~/routes/locale";
import * as login from "~/routes/login";
import * as logout from "~/routes/logout";
import * as notFound from "~/routes/not-found";
import * as discreet from "~/routes/preferences/discreet";
import * as recover from "~/routes/recover";
import * as reportsCsv from "~/routes/reports/export-csv";
import * as reportsIati from "~/routes/reports/iati-json";
import * as reports from "~/routes/reports/index";
import * as learningGain from "~/routes/reports/learning-gain";
import * as signup from "~/routes/signup";
import * as accompanimentList from "~/routes/trainer/accompaniment/index";
import * as accompanimentNew from "~/routes/trainer/accompaniment/new";
import * as accompanimentSession from "~/routes/trainer/accompaniment/session";
import * as cohort from "~/routes/trainer/cohorts/cohort";
import * as cohortExport from "~/routes/trainer/cohorts/export-csv";
import * as cohorts from "~/routes/trainer/cohorts/index";
import * as cohortImport from "~/routes/trainer/cohorts/members/import";
import * as cohortMembers from "~/routes/trainer/cohorts/members/index";
import * as cohortNew from "~/routes/trainer/cohorts/new";
import * as cohortWorkshopEdit from "~/routes/trainer/cohorts/sessions/edit";
import * as cohortSessions from "~/routes/trainer/cohorts/sessions/index";
import * as cohortSession from "~/routes/trainer/cohorts/sessions/session";
import * as cohortTrainee from "~/routes/trainer/cohorts/trainees/trainee";
import * as kitChanges from "~/routes/trainer/kit/changes";
import * as kitCommands from "~/routes/trainer/kit/commands";
import * as kitList from "~/routes/trainer/kit/index";
import * as kitPage from "~/routes/trainer/kit/session";
import * as kitWorker from "~/routes/trainer/kit/sw-js";
import * as verifyCode from "~/routes/verify/code";
import * as verify from "~/routes/verify/index";
import * as workshopsIcs from "~/routes/workshops-ics";
import type { Actor, MatrixFixture as F } from "./permission-matrix-fixtures.server";

type Module = { loader?: unknown; action?: unknown };

/** Every route module by its file in app/routes.ts, so a test can tell when one is missing. */
export const ROUTE_MODULES: Record<string, Module> = {
  "routes/index.tsx": home,
  "routes/locale.ts": locale,
  "routes/login.tsx": login,
  "routes/recover.tsx": recover,
  "routes/signup.tsx": signup,
  "routes/logout.ts": logout,
  "routes/exit.ts": exit,
  "routes/account/profile.tsx": profile,
  "routes/account/security.tsx": security,
  "routes/courses/modules/check.tsx": knowledgeCheck,
  "routes/courses/modules/feedback.tsx": moduleReaction,
  "routes/courses/tests/test.tsx": learnerTest,
  "routes/courses/certificate.tsx": certificate,
  "routes/courses/credential.ts": credentialDownload,
  "routes/credentials/status/list.ts": credentialStatusList,
  "routes/credentials/issuer/did-json.ts": issuerDidDocument,
  "routes/verify/index.tsx": verify,
  "routes/verify/code.tsx": verifyCode,
  "routes/courses/index.tsx": catalogue,
  "routes/courses/course.tsx": course,
  "routes/courses/offline.tsx": offlinePack,
  "routes/courses/resume.ts": resume,
  "routes/courses/lessons/lesson.tsx": lesson,
  "routes/learning.tsx": dashboard,
  "routes/preferences/discreet.ts": discreet,
  "routes/trainer/accompaniment/index.tsx": accompanimentList,
  "routes/trainer/accompaniment/new.tsx": accompanimentNew,
  "routes/trainer/accompaniment/session.tsx": accompanimentSession,
  "routes/follow-ups.tsx": followUps,
  "routes/action-plans/index.tsx": actionPlans,
  "routes/action-plans/new.tsx": actionPlanNew,
  "routes/action-plans/plan.tsx": actionPlan,
  "routes/workshops-ics.ts": workshopsIcs,
  "routes/reports/index.tsx": reports,
  "routes/reports/learning-gain.tsx": learningGain,
  "routes/reports/export-csv.ts": reportsCsv,
  "routes/reports/iati-json.ts": reportsIati,
  "routes/trainer/cohorts/index.tsx": cohorts,
  "routes/trainer/cohorts/new.tsx": cohortNew,
  "routes/trainer/cohorts/cohort.tsx": cohort,
  "routes/trainer/cohorts/members/index.tsx": cohortMembers,
  "routes/trainer/cohorts/members/import.tsx": cohortImport,
  "routes/trainer/cohorts/trainees/trainee.tsx": cohortTrainee,
  "routes/trainer/cohorts/sessions/index.tsx": cohortSessions,
  "routes/trainer/cohorts/sessions/session.tsx": cohortSession,
  "routes/trainer/cohorts/sessions/edit.tsx": cohortWorkshopEdit,
  "routes/trainer/cohorts/export-csv.ts": cohortExport,
  "routes/trainer/kit/index.tsx": kitList,
  "routes/trainer/kit/session.tsx": kitPage,
  "routes/trainer/kit/changes.ts": kitChanges,
  "routes/trainer/kit/commands.ts": kitCommands,
  "routes/trainer/kit/sw-js.ts": kitWorker,
  "routes/join/token.tsx": join,
  "routes/admin/index.tsx": adminUsers,
  "routes/admin/users/user.tsx": adminUser,
  "routes/admin/users/erase.tsx": adminErase,
  "routes/admin/users/new.tsx": adminNewUser,
  "routes/admin/audit.tsx": adminAudit,
  "routes/admin/credentials.tsx": adminCredentials,
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
const feedbackUrl = (f: F) => `/courses/${f.courseKey}/modules/${f.moduleKey}/feedback`;
const testUrl = (f: F) => `/courses/${f.courseKey}/tests/pre`;
const testParams = (f: F) => ({ courseKey: f.courseKey, kind: "pre" });
const cohortA = (f: F) => `/trainer/cohorts/${f.cohortA}`;
const cohortB = (f: F) => `/trainer/cohorts/${f.cohortB}`;
const inA = (f: F) => ({ cohortId: f.cohortA });
const today = () => new Date().toISOString().slice(0, 10);

/** Keyed by the label printed in the matrix; `:A`, `:traineeA`… name cohort A's objects. */
export const ROUTE_CASES: Record<string, RouteCase> = {
  "GET /": get("routes/index.tsx", () => "/"),
  "GET /locale": get("routes/locale.ts", () => "/locale"),
  "POST /locale": post(
    "routes/locale.ts",
    () => "/locale",
    () => ({ locale: "fr", redirectTo: "/courses" }),
  ),
  "GET /login": get("routes/login.tsx", () => "/login"),
  "POST /login {}": post(
    "routes/login.tsx",
    () => "/login",
    () => ({}),
  ),
  "GET /recover": get("routes/recover.tsx", () => "/recover"),
  "POST /recover {}": post(
    "routes/recover.tsx",
    () => "/recover",
    () => ({}),
  ),
  "GET /signup": get("routes/signup.tsx", () => "/signup"),
  "POST /signup {}": post(
    "routes/signup.tsx",
    () => "/signup",
    () => ({}),
  ),
  "GET /logout": get("routes/logout.ts", () => "/logout"),
  "POST /logout": post(
    "routes/logout.ts",
    () => "/logout",
    () => ({}),
    { freshSession: true },
  ),
  "GET /exit": get("routes/exit.ts", () => "/exit"),
  "POST /exit": post(
    "routes/exit.ts",
    () => "/exit",
    () => ({}),
    { freshSession: true },
  ),
  "GET /account/profile": get("routes/account/profile.tsx", () => "/account/profile"),
  "POST /account/profile {}": post(
    "routes/account/profile.tsx",
    () => "/account/profile",
    () => ({}),
  ),
  "GET /account/security": get("routes/account/security.tsx", () => "/account/security"),
  "POST /account/security {}": post(
    "routes/account/security.tsx",
    () => "/account/security",
    () => ({}),
  ),
  "GET /courses": get("routes/courses/index.tsx", () => "/courses"),
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
  "GET /courses/:course/offline": get(
    "routes/courses/offline.tsx",
    (f) => `/courses/${f.courseKey}/offline`,
    { params: courseParams },
  ),
  "GET /courses/:course/resume": get(
    "routes/courses/resume.ts",
    (f) => `/courses/${f.courseKey}/resume`,
    {
      params: courseParams,
    },
  ),
  "GET /courses/:course/lessons/:lesson": get("routes/courses/lessons/lesson.tsx", lessonUrl, {
    params: lessonParams,
  }),
  "POST /courses/:course/lessons/:lesson {}": post(
    "routes/courses/lessons/lesson.tsx",
    lessonUrl,
    () => ({}),
    {
      params: lessonParams,
    },
  ),
  "GET …/modules/:module/check": get("routes/courses/modules/check.tsx", checkUrl, {
    params: checkParams,
  }),
  "GET …/check?attempt=:attemptOfTraineeA": get(
    "routes/courses/modules/check.tsx",
    (f) => `${checkUrl(f)}?attempt=${f.attemptA}`,
    { params: checkParams },
  ),
  "POST …/modules/:module/check {}": post(
    "routes/courses/modules/check.tsx",
    checkUrl,
    () => ({}),
    {
      params: checkParams,
    },
  ),
  "GET …/modules/:module/feedback": get("routes/courses/modules/feedback.tsx", feedbackUrl, {
    params: checkParams,
  }),
  "POST …/modules/:module/feedback {}": post(
    "routes/courses/modules/feedback.tsx",
    feedbackUrl,
    () => ({}),
    { params: checkParams },
  ),
  "GET /courses/:course/tests/pre": get("routes/courses/tests/test.tsx", testUrl, {
    params: testParams,
  }),
  "POST /courses/:course/tests/pre {}": post("routes/courses/tests/test.tsx", testUrl, () => ({}), {
    params: testParams,
  }),
  "GET /courses/:course/certificate": get(
    "routes/courses/certificate.tsx",
    (f) => `/courses/${f.courseKey}/certificate`,
    { params: courseParams },
  ),
  "GET /courses/:course/credential": get(
    "routes/courses/credential.ts",
    (f) => `/courses/${f.courseKey}/credential?format=json`,
    { params: courseParams },
  ),
  "GET /verify": get("routes/verify/index.tsx", () => "/verify"),
  "POST /verify {no file}": post(
    "routes/verify/index.tsx",
    () => "/verify",
    () => ({}),
    { multipart: true },
  ),
  "GET /credentials/status/1": get(
    "routes/credentials/status/list.ts",
    () => "/credentials/status/1",
    { params: () => ({ listId: "1" }) },
  ),
  "GET /credentials/issuer/did.json": get(
    "routes/credentials/issuer/did-json.ts",
    () => "/credentials/issuer/did.json",
  ),
  "GET /verify?code=:codeOfTraineeA": get(
    "routes/verify/index.tsx",
    (f) => `/verify?code=${f.certificateCodeA}`,
  ),
  "GET /verify/:codeOfTraineeA": get(
    "routes/verify/code.tsx",
    (f) => `/verify/${f.certificateCodeA}`,
    {
      params: (f) => ({ code: f.certificateCodeA }),
      // Public verification: whoever holds the code sees the holder's name, course and date.
      exposes: (f) => [f.traineeADisplayName],
    },
  ),
  "GET /learning": get("routes/learning.tsx", () => "/learning"),
  "GET /workshops.ics": get("routes/workshops-ics.ts", () => "/workshops.ics"),
  "POST /learning {}": post(
    "routes/learning.tsx",
    () => "/learning",
    () => ({}),
  ),
  // Addressed to an address without an account: nobody may answer it.
  "POST /learning {accept invitationOfA}": post(
    "routes/learning.tsx",
    () => "/learning",
    (f) => ({ intent: "accept-invitation", invitationId: f.invitationIdA }),
  ),
  "POST /learning {decline invitationOfA}": post(
    "routes/learning.tsx",
    () => "/learning",
    (f) => ({ intent: "decline-invitation", invitationId: f.invitationIdA }),
  ),
  "GET /preferences/discreet": get("routes/preferences/discreet.ts", () => "/preferences/discreet"),
  "POST /preferences/discreet": post(
    "routes/preferences/discreet.ts",
    () => "/preferences/discreet",
    () => ({ discreet: "on", redirectTo: "/courses" }),
  ),
  "GET /follow-ups": get("routes/follow-ups.tsx", () => "/follow-ups", {
    showsA: ["trainee"],
  }),
  "GET /action-plans": get("routes/action-plans/index.tsx", () => "/action-plans", {
    showsA: ["trainee"],
  }),
  "GET /action-plans/new": get("routes/action-plans/new.tsx", () => "/action-plans/new"),
  "POST /action-plans/new {}": post(
    "routes/action-plans/new.tsx",
    () => "/action-plans/new",
    () => ({}),
  ),
  "GET /action-plans/:planOfA": get(
    "routes/action-plans/plan.tsx",
    (f) => `/action-plans/${f.planA}`,
    { showsA: ["trainee", "trainer", "admin"], params: (f) => ({ planId: f.planA }) },
  ),
  "POST /action-plans/:planOfA {step, no follow-up}": post(
    "routes/action-plans/plan.tsx",
    (f) => `/action-plans/${f.planA}`,
    (f) => ({ stepId: f.planStepA }),
    { params: (f) => ({ planId: f.planA }) },
  ),
  "POST /follow-ups {doneFollowUpOfTraineeA}": post(
    "routes/follow-ups.tsx",
    () => "/follow-ups",
    (f) => ({ followUpId: f.doneFollowUpA }),
  ),
  "GET /trainer/accompaniment": get(
    "routes/trainer/accompaniment/index.tsx",
    () => "/trainer/accompaniment",
  ),
  "GET /trainer/accompaniment?trainee=:traineeA&cohort=:A": get(
    "routes/trainer/accompaniment/index.tsx",
    (f) => `/trainer/accompaniment?trainee=${f.traineeA}&cohort=${f.cohortA}`,
  ),
  "GET /trainer/accompaniment/new?trainee=:traineeA": get(
    "routes/trainer/accompaniment/new.tsx",
    (f) => `/trainer/accompaniment/new?trainee=${f.traineeA}`,
  ),
  "POST /trainer/accompaniment/new {}": post(
    "routes/trainer/accompaniment/new.tsx",
    () => "/trainer/accompaniment/new",
    () => ({}),
  ),
  "POST /trainer/accompaniment/new {traineeA, complete}": post(
    "routes/trainer/accompaniment/new.tsx",
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
    "routes/trainer/accompaniment/session.tsx",
    (f) => `/trainer/accompaniment/${f.accompanimentA}`,
    { showsA: ["trainer", "admin"], params: (f) => ({ sessionId: f.accompanimentA }) },
  ),
  "GET /trainer/accompaniment/:sensitiveSessionOfA": get(
    "routes/trainer/accompaniment/session.tsx",
    (f) => `/trainer/accompaniment/${f.sensitiveAccompanimentA}`,
    { showsA: ["trainer", "admin"], params: (f) => ({ sessionId: f.sensitiveAccompanimentA }) },
  ),
  "POST /trainer/accompaniment/:sessionOfA {done→done}": post(
    "routes/trainer/accompaniment/session.tsx",
    (f) => `/trainer/accompaniment/${f.accompanimentA}`,
    (f) => ({ followUpId: f.doneFollowUpA, status: "done" }),
    { params: (f) => ({ sessionId: f.accompanimentA }) },
  ),
  "GET /reports": get("routes/reports/index.tsx", () => "/reports"),
  "GET /reports/export.csv": get("routes/reports/export-csv.ts", () => "/reports/export.csv"),
  "GET /reports/iati.json": get("routes/reports/iati-json.ts", () => "/reports/iati.json"),
  "GET /reports/learning-gain": get(
    "routes/reports/learning-gain.tsx",
    () => "/reports/learning-gain",
  ),
  "GET /trainer/cohorts": get("routes/trainer/cohorts/index.tsx", () => "/trainer/cohorts"),
  "GET /trainer/cohorts/new": get("routes/trainer/cohorts/new.tsx", () => "/trainer/cohorts/new"),
  "POST /trainer/cohorts/new {}": post(
    "routes/trainer/cohorts/new.tsx",
    () => "/trainer/cohorts/new",
    () => ({}),
  ),
  "GET /trainer/cohorts/:A": get("routes/trainer/cohorts/cohort.tsx", cohortA, {
    showsA: ["trainer", "admin"],
    params: inA,
  }),
  "GET /trainer/cohorts/:A/members": get(
    "routes/trainer/cohorts/members/index.tsx",
    (f) => `${cohortA(f)}/members`,
    {
      params: inA,
    },
  ),
  "POST /trainer/cohorts/:A/members {add, empty}": post(
    "routes/trainer/cohorts/members/index.tsx",
    (f) => `${cohortA(f)}/members`,
    () => ({ intent: "add-member", email: "" }),
    { params: inA },
  ),
  "POST /trainer/cohorts/:A/members {add, new address}": post(
    "routes/trainer/cohorts/members/index.tsx",
    (f) => `${cohortA(f)}/members`,
    () => ({ intent: "add-member", email: "matrix-invitee@nowhere.example" }),
    { params: inA },
  ),
  "GET /trainer/cohorts/:A/members/import": get(
    "routes/trainer/cohorts/members/import.tsx",
    (f) => `${cohortA(f)}/members/import`,
    { params: inA },
  ),
  "POST /trainer/cohorts/:A/members/import {no file}": post(
    "routes/trainer/cohorts/members/import.tsx",
    (f) => `${cohortA(f)}/members/import`,
    () => ({}),
    { params: inA, multipart: true },
  ),
  "GET /trainer/cohorts/:A/trainees/:traineeA": get(
    "routes/trainer/cohorts/trainees/trainee.tsx",
    (f) => `${cohortA(f)}/trainees/${f.traineeA}`,
    { showsA: ["trainer", "admin"], params: (f) => ({ cohortId: f.cohortA, userId: f.traineeA }) },
  ),
  "POST /trainer/cohorts/:A/trainees/:traineeA {}": post(
    "routes/trainer/cohorts/trainees/trainee.tsx",
    (f) => `${cohortA(f)}/trainees/${f.traineeA}`,
    () => ({}),
    { params: (f) => ({ cohortId: f.cohortA, userId: f.traineeA }) },
  ),
  "GET /trainer/cohorts/:A/sessions": get(
    "routes/trainer/cohorts/sessions/index.tsx",
    (f) => `${cohortA(f)}/sessions`,
    {
      params: inA,
    },
  ),
  "POST /trainer/cohorts/:A/sessions {}": post(
    "routes/trainer/cohorts/sessions/index.tsx",
    (f) => `${cohortA(f)}/sessions`,
    () => ({ title: "" }),
    { params: inA },
  ),
  "GET /trainer/cohorts/:A/sessions/:workshopA": get(
    "routes/trainer/cohorts/sessions/session.tsx",
    (f) => `${cohortA(f)}/sessions/${f.workshopA}`,
    { params: (f) => ({ cohortId: f.cohortA, sessionId: f.workshopA }) },
  ),
  "POST /trainer/cohorts/:A/sessions/:workshopA {bad status}": post(
    "routes/trainer/cohorts/sessions/session.tsx",
    (f) => `${cohortA(f)}/sessions/${f.workshopA}`,
    (f) => ({ [`status.${f.traineeA}`]: "nonsense" }),
    { params: (f) => ({ cohortId: f.cohortA, sessionId: f.workshopA }) },
  ),
  "GET /trainer/cohorts/:A/sessions/:workshopA/edit": get(
    "routes/trainer/cohorts/sessions/edit.tsx",
    (f) => `${cohortA(f)}/sessions/${f.workshopA}/edit`,
    { params: (f) => ({ cohortId: f.cohortA, sessionId: f.workshopA }) },
  ),
  "POST /trainer/cohorts/:A/sessions/:workshopA/edit {}": post(
    "routes/trainer/cohorts/sessions/edit.tsx",
    (f) => `${cohortA(f)}/sessions/${f.workshopA}/edit`,
    () => ({ title: "" }),
    { params: (f) => ({ cohortId: f.cohortA, sessionId: f.workshopA }) },
  ),
  "POST /trainer/cohorts/:B/sessions/:workshopA/edit {moved}": post(
    "routes/trainer/cohorts/sessions/edit.tsx",
    (f) => `${cohortB(f)}/sessions/${f.workshopA}/edit`,
    () => ({ title: "Moved", startsAt: "2026-12-01T09:00" }),
    { params: (f) => ({ cohortId: f.cohortB, sessionId: f.workshopA }) },
  ),
  "GET /trainer/kit": get("routes/trainer/kit/index.tsx", () => "/trainer/kit"),
  "GET /trainer/kit/sw.js": get("routes/trainer/kit/sw-js.ts", () => "/trainer/kit/sw.js"),
  "GET /trainer/kit/:workshopA": get(
    "routes/trainer/kit/session.tsx",
    (f) => `/trainer/kit/${f.workshopA}`,
    { params: (f) => ({ sessionId: f.workshopA }) },
  ),
  "GET /trainer/kit/:workshopA/changes": get(
    "routes/trainer/kit/changes.ts",
    (f) => `/trainer/kit/${f.workshopA}/changes?since=0`,
    { showsA: ["trainer", "admin"], params: (f) => ({ sessionId: f.workshopA }) },
  ),
  "POST /trainer/kit/:workshopA/commands {no batch}": post(
    "routes/trainer/kit/commands.ts",
    (f) => `/trainer/kit/${f.workshopA}/commands`,
    () => ({ batch: "{}" }),
    { params: (f) => ({ sessionId: f.workshopA }) },
  ),
  "GET /trainer/cohorts/:A/export.csv?kind=roster": get(
    "routes/trainer/cohorts/export-csv.ts",
    (f) => `${cohortA(f)}/export.csv?kind=roster`,
    { showsA: ["trainer", "admin"], params: inA },
  ),
  "GET /trainer/cohorts/:A/export.csv?kind=attendance": get(
    "routes/trainer/cohorts/export-csv.ts",
    (f) => `${cohortA(f)}/export.csv?kind=attendance`,
    { params: inA },
  ),
  // Cohort B's address with cohort A's objects: B's trainer must not reach A through B.
  "GET /trainer/cohorts/:B/trainees/:traineeA": get(
    "routes/trainer/cohorts/trainees/trainee.tsx",
    (f) => `${cohortB(f)}/trainees/${f.traineeA}`,
    { params: (f) => ({ cohortId: f.cohortB, userId: f.traineeA }) },
  ),
  "GET /trainer/cohorts/:B/sessions/:workshopA": get(
    "routes/trainer/cohorts/sessions/session.tsx",
    (f) => `${cohortB(f)}/sessions/${f.workshopA}`,
    { params: (f) => ({ cohortId: f.cohortB, sessionId: f.workshopA }) },
  ),
  "POST /trainer/cohorts/:B/sessions/:workshopA {traineeA absent}": post(
    "routes/trainer/cohorts/sessions/session.tsx",
    (f) => `${cohortB(f)}/sessions/${f.workshopA}`,
    (f) => ({ [`status.${f.traineeA}`]: "absent" }),
    { params: (f) => ({ cohortId: f.cohortB, sessionId: f.workshopA }) },
  ),
  "POST /trainer/cohorts/:B/members {revoke inviteOfA}": post(
    "routes/trainer/cohorts/members/index.tsx",
    (f) => `${cohortB(f)}/members`,
    (f) => ({ intent: "revoke-invite", inviteId: f.spareInviteIdA }),
    { params: (f) => ({ cohortId: f.cohortB }) },
  ),
  "POST /trainer/cohorts/:B/members {revoke invitationOfA}": post(
    "routes/trainer/cohorts/members/index.tsx",
    (f) => `${cohortB(f)}/members`,
    (f) => ({ intent: "revoke-invitation", invitationId: f.invitationIdA }),
    { params: (f) => ({ cohortId: f.cohortB }) },
  ),
  "GET /join/:liveTokenOfA": get("routes/join/token.tsx", (f) => `/join/${f.liveInviteTokenA}`, {
    params: (f) => ({ token: f.liveInviteTokenA }),
    // Whoever holds a live link is told which cohort it opens.
    exposes: (f) => [f.cohortAName],
  }),
  "GET /join/:revokedTokenOfA": get(
    "routes/join/token.tsx",
    (f) => `/join/${f.revokedInviteTokenA}`,
    {
      params: (f) => ({ token: f.revokedInviteTokenA }),
    },
  ),
  "POST /join/:revokedTokenOfA": post(
    "routes/join/token.tsx",
    (f) => `/join/${f.revokedInviteTokenA}`,
    () => ({}),
    {
      params: (f) => ({ token: f.revokedInviteTokenA }),
    },
  ),
  "GET /admin": get("routes/admin/index.tsx", () => "/admin"),
  "GET /admin/users/:traineeA": get(
    "routes/admin/users/user.tsx",
    (f) => `/admin/users/${f.traineeA}`,
    {
      showsA: ["admin"],
      params: (f) => ({ userId: f.traineeA }),
    },
  ),
  "POST /admin/users/:traineeA {}": post(
    "routes/admin/users/user.tsx",
    (f) => `/admin/users/${f.traineeA}`,
    () => ({}),
    {
      params: (f) => ({ userId: f.traineeA }),
    },
  ),
  "GET /admin/users/:traineeA/erase": get(
    "routes/admin/users/erase.tsx",
    (f) => `/admin/users/${f.traineeA}/erase`,
    {
      params: (f) => ({ userId: f.traineeA }),
    },
  ),
  "POST /admin/users/:traineeA/erase {}": post(
    "routes/admin/users/erase.tsx",
    (f) => `/admin/users/${f.traineeA}/erase`,
    () => ({}),
    { params: (f) => ({ userId: f.traineeA }) },
  ),
  "GET /admin/audit": get("routes/admin/audit.tsx", () => "/admin/audit"),
  "GET /admin/credentials": get("routes/admin/credentials.tsx", () => "/admin/credentials"),
  // Past the guard, a form without a code is refused before anything is revoked.
  "POST /admin/credentials {}": post(
    "routes/admin/credentials.tsx",
    () => "/admin/credentials",
    () => ({}),
  ),
  "GET /admin/users/new": get("routes/admin/users/new.tsx", () => "/admin/users/new"),
  // Past the guard, a form without a name is refused before any account exists.
  "POST /admin/users/new {}": post(
    "routes/admin/users/new.tsx",
    () => "/admin/users/new",
    () => ({}),
  ),
  "GET /no-such-page": get("routes/not-found.tsx", () => "/no-such-page"),
  "POST /no-such-page": post(
    "routes/not-found.tsx",
    () => "/no-such-page",
    () => ({}),
  ),
};
