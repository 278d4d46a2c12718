// Server-renders every cohort page from its real loader (demo data), in English and French, as a
// browser without JavaScript receives it.
import { type Db, seedDemo } from "@peacelearn/db";
import { createTestDb } from "@peacelearn/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { provideTestDatabase } from "~/lib/db.server";
import { recordInvitations } from "~/modules/cohorts/invitations.server";
import JoinPage from "~/routes/join/token";
import MyLearningPage from "~/routes/learning";
import CohortPage, { loader as cohortLoader } from "~/routes/trainer/cohorts/cohort";
import CohortsPage, { loader as listLoader } from "~/routes/trainer/cohorts/index";
import CohortImportPage, { loader as importLoader } from "~/routes/trainer/cohorts/members/import";
import CohortMembersPage, { loader as membersLoader } from "~/routes/trainer/cohorts/members/index";
import NewCohortPage, { loader as newLoader } from "~/routes/trainer/cohorts/new";
import CohortSessionsPage, {
  action as sessionsAction,
  loader as sessionsLoader,
} from "~/routes/trainer/cohorts/sessions/index";
import AttendanceSheetPage, {
  action as sheetAction,
  loader as sheetLoader,
} from "~/routes/trainer/cohorts/sessions/session";
import TraineeDetailPage, {
  loader as traineeLoader,
} from "~/routes/trainer/cohorts/trainees/trainee";
import { demoCohort } from "~/test/cohort-fixtures.server";
import { renderPage, routePage } from "~/test/render-page";
import { callRoute, formPost, pageGet } from "~/test/route-call";
import { signIn } from "~/test/sign-in.server";

// Keys of the invitation texts are nested one level deeper (e.g. "learning.invitations.accept").
const missingNestedKey = /[>"\s](learning|invitations)\.[a-zA-Z.-]+[<"\s]/;

let db: Db;
let close: () => Promise<void>;
let cohort: Awaited<ReturnType<typeof demoCohort>>;
let token = "";

beforeAll(async () => {
  ({ db, close } = await createTestDb());
  provideTestDatabase(db);
  await seedDemo(db);
  cohort = await demoCohort(db, "monrovia");
  token = (await signIn(db, cohort.trainerIds[0] ?? "")).token;
}, 120_000);
afterAll(async () => close());

async function loaded(
  loader: (args: never) => unknown,
  path: string,
  params: Record<string, string>,
  locale: string,
) {
  const request = pageGet(path, token, { "Accept-Language": locale });
  const outcome = await callRoute(loader, request, { params });
  if (outcome instanceof Response) throw new Error(`loader answered ${outcome.status}`);
  return outcome.data;
}

// i18next leaves a missing key as the key itself, e.g. "grid.caption".
const missingKey =
  /[>"\s](list|fields|create|grid|stats|help|members|import|invites|detail|attendance|workshops|join|export|nav|errors)\.[a-zA-Z-]+[<"\s]/;

describe.each(["en", "fr"])("cohort pages in %s", (locale) => {
  it("renders the list, the new-cohort form and the roster grid", async () => {
    const base = `/trainer/cohorts/${cohort.id}`;
    const list = renderPage(
      routePage(CohortsPage, await loaded(listLoader, "/trainer/cohorts", {}, locale)),
      locale,
    );
    expect(list).toContain(cohort.name);
    const form = renderPage(
      routePage(NewCohortPage, await loaded(newLoader, "/trainer/cohorts/new", {}, locale)),
      locale,
    );
    expect(form).toContain('value="GE-AB"');
    expect(form).toContain(
      locale === "fr" ? "Abkhazie (contexte de conflit)" : "Abkhazia (conflict context)",
    );
    expect(form).not.toMatch(/Republic of Abkhazia|République d'Abkhazie/);
    const roster = renderPage(
      routePage(CohortPage, await loaded(cohortLoader, base, { cohortId: cohort.id }, locale)),
      locale,
    );
    expect(roster).toContain("<caption");
    // Grid cells say in words what they show, and link to the trainee's detail.
    // French plural forms (0 and 1 are singular there), never "leçon(s)".
    expect(roster).not.toContain("(s)");
    if (locale === "fr") {
      expect(roster).toMatch(/>[01] leçon sur 2</);
      expect(roster).toContain(">2 leçons sur 2<");
      expect(roster).not.toContain("Arrivée le");
      expect(roster).toContain("Dans le groupe depuis le");
    } else {
      expect(roster).toContain("of 2 lessons");
    }
    expect(roster).toContain(`${base}/trainees/`);
    // The export is a GET form: the kind is the button, the separator a choice.
    expect(roster).toContain(`action="${base}/export.csv"`);
    expect(roster).toMatch(/<button[^>]* type="submit" value="progress"[^>]* name="kind"/);
    expect(roster).toMatch(/<input type="radio" name="sep"[^>]* value="semicolon"/);
    for (const html of [list, form, roster]) expect(html).not.toMatch(missingKey);
  });

  it("renders members, import, workshops, the register and a trainee's detail", async () => {
    const base = `/trainer/cohorts/${cohort.id}`;
    const params = { cohortId: cohort.id };
    const workshop = await db.cohortSession.findFirstOrThrow({
      where: { cohortId: cohort.id },
      orderBy: { startsAt: "asc" },
      select: { id: true },
    });
    const memberId = cohort.members[0]?.userId ?? "";
    await recordInvitations(db, {
      cohortId: cohort.id,
      invitedById: cohort.trainerIds[0] ?? "",
      requests: [{ email: `pending-${locale}@x.example` }],
      now: new Date(),
    });
    const pages = [
      renderPage(
        routePage(
          CohortMembersPage,
          await loaded(membersLoader, `${base}/members`, params, locale),
          {
            intent: "add-member",
            result: { status: "success" },
            added: { email: "typed@x.example", status: "invited" },
            invite: null,
          },
        ),
        locale,
      ),
      renderPage(
        routePage(
          CohortImportPage,
          await loaded(importLoader, `${base}/members/import`, params, locale),
          {
            error: null,
            line: null,
            counts: { invited: 1, skipped: 0, rejected: 1 },
            report: [
              { line: 2, email: "a@x.org", name: "A", status: "invited" },
              {
                line: 3,
                email: "b@x.org",
                name: "B",
                status: "rejected",
                reason: "unknown-code",
                problem: { reason: "unknown-code", column: "location", value: "XX" },
              },
            ],
          },
        ),
        locale,
      ),
      renderPage(
        routePage(
          CohortSessionsPage,
          await loaded(sessionsLoader, `${base}/sessions`, params, locale),
        ),
        locale,
      ),
      renderPage(
        routePage(
          AttendanceSheetPage,
          await loaded(
            sheetLoader,
            `${base}/sessions/${workshop.id}`,
            { ...params, sessionId: workshop.id },
            locale,
          ),
        ),
        locale,
      ),
      renderPage(
        routePage(
          TraineeDetailPage,
          await loaded(
            traineeLoader,
            `${base}/trainees/${memberId}`,
            { ...params, userId: memberId },
            locale,
          ),
        ),
        locale,
      ),
    ];
    const [members, importPage, workshops, sheet, detail] = pages;
    expect(members).toContain('name="intent" value="create-invite"');
    // The pending invitation by the address typed, with a plain form to withdraw it.
    expect(members).toContain(`pending-${locale}@x.example`);
    expect(members).toContain('name="intent" value="revoke-invitation"');
    expect(members).toContain(
      locale === "fr"
        ? "Invitation enregistrée pour typed@x.example ; la personne rejoindra le groupe lorsqu&#x27;elle l&#x27;aura acceptée."
        : "Invitation recorded for typed@x.example; the person joins when they accept.",
    );
    // React writes the attribute as `encType`; HTML attribute names ignore case.
    expect(importPage?.toLowerCase()).toContain('enctype="multipart/form-data"');
    expect(importPage).toContain('accept=".csv,text/csv"');
    expect(importPage).toContain(
      locale === "fr" ? "Code de lieu inconnu : « XX »." : "Unknown location code “XX”.",
    );
    expect(workshops).toContain('type="datetime-local"');
    expect(sheet).toContain(`name="status.${memberId}"`);
    expect(sheet).toContain('type="radio"');
    // Modules are anchored by number, so an address never carries their words (discreet mode).
    expect(detail).toContain(`id="module-1"`);
    // The way from a trainee to her accompaniment history.
    expect(detail).toContain(
      `href="/trainer/accompaniment?trainee=${memberId}&amp;cohort=${cohort.id}"`,
    );
    // "Mark everyone present": a submit button of the sheet's own form.
    expect(sheet).toMatch(/<button[^>]* type="submit" value="all-present"[^>]* name="intent"/);
    for (const html of pages) expect(html).not.toMatch(missingKey);
    for (const html of pages) expect(html).not.toMatch(missingNestedKey);
  });

  it("shows a failed 'schedule a workshop' at the top of the page, where the post lands", async () => {
    const base = `/trainer/cohorts/${cohort.id}`;
    const params = { cohortId: cohort.id };
    const failed = await callRoute(
      sessionsAction,
      formPost(
        `${base}/sessions`,
        { title: "", startsAt: "tomorrow" },
        { Cookie: `peacelearn_session=${token}` },
      ),
      { params },
    );
    expect(failed).toHaveStatus(400);
    const html = renderPage(
      routePage(
        CohortSessionsPage,
        await loaded(sessionsLoader, `${base}/sessions`, params, locale),
        (failed as { data: unknown }).data,
      ),
      locale,
    );
    const summary = html.indexOf('id="workshop-errors"');
    // Above the workshops table and the attendance rates, right under the heading.
    expect(summary).toBeGreaterThan(html.indexOf("<h1"));
    expect(summary).toBeLessThan(html.indexOf("<table"));
    expect(html).toContain(`action="${base}/sessions#workshop-errors"`);
    expect(html).toContain('href="#workshop-title"');
    expect(html).toContain('href="#workshop-startsAt"');
  });

  it("renders invitations on “my learning” with plain accept and decline forms", () => {
    const invitation = {
      id: "inv-1",
      cohortName: "Gulu 2026",
      courseTitle: { text: "Basics", lang: "en" },
      invitedBy: "Trainer T",
      expiresAt: new Date("2027-01-31T00:00:00Z"),
      fills: ["gender", "birthYear"],
    };
    const html = renderPage(
      routePage(
        MyLearningPage,
        {
          locale,
          inProgress: [],
          completed: [],
          followUps: [],
          invitations: [invitation],
          workshops: [],
        },
        { answer: "declined", result: { status: "success" } },
      ),
      locale,
    );
    expect(html.match(/<form[^>]* method="post"/g)).toHaveLength(2);
    expect(html).toContain('name="intent" value="accept-invitation"');
    expect(html).toContain('name="intent" value="decline-invitation"');
    expect(html).toContain('name="invitationId" value="inv-1"');
    expect(html).toContain("Gulu 2026");
    expect(html).toContain(locale === "fr" ? "genre, année de naissance" : "gender, birth year");
    expect(html).not.toMatch(missingNestedKey);
  });

  it("renders the join page for each situation", () => {
    const views = [
      { kind: "sign-in", cohortName: "Gulu 2026", back: "/join/abc" },
      { kind: "confirm", cohortName: "Gulu 2026", courseKey: "k" },
      { kind: "already-member", cohortName: "Gulu 2026", courseKey: "k" },
      { kind: "expired" },
    ];
    const [signIn_, confirm, member, expired] = views.map((view) =>
      renderPage(routePage(JoinPage, view), locale),
    );
    expect(signIn_).toContain("/login?redirectTo=%2Fjoin%2Fabc");
    expect(signIn_).toContain("/signup?redirectTo=%2Fjoin%2Fabc");
    expect(confirm).toContain('method="post"');
    expect(member).toContain('href="/courses/k"');
    expect(expired).not.toContain("Gulu");
  });
});

describe.each(["en", "fr"])("the attendance sheet after a wrong answer, in %s", (locale) => {
  it("names the trainee whose answer was wrong, links to her row and keeps the others' answers", async () => {
    const workshop = await db.cohortSession.findFirstOrThrow({
      where: { cohortId: cohort.id },
      orderBy: { startsAt: "asc" },
      select: { id: true },
    });
    const params = { cohortId: cohort.id, sessionId: workshop.id };
    const path = `/trainer/cohorts/${cohort.id}/sessions/${workshop.id}`;
    const sheet = (await loaded(sheetLoader, path, params, locale)) as {
      rows: Array<{ userId: string; displayName: string; wasMember: boolean }>;
    };
    const [wrong, right] = sheet.rows.filter((row) => row.wasMember);
    if (!wrong || !right) throw new Error("the demo workshop needs two members");
    const outcome = await callRoute(
      sheetAction,
      formPost(
        path,
        { [`status.${wrong.userId}`]: "maybe", [`status.${right.userId}`]: "excused" },
        { Cookie: `peacelearn_session=${token}`, "Accept-Language": locale },
      ),
      { params },
    );
    expect(outcome).toHaveStatus(400);
    const html = renderPage(
      routePage(AttendanceSheetPage, sheet, (outcome as { data: unknown }).data),
      locale,
    );
    const summary = html.slice(html.indexOf('role="alert"'));
    expect(summary).toContain(`href="#status-${wrong.userId}`);
    expect(summary).toContain(wrong.displayName);
    // What the trainer chose for the other row is still chosen.
    expect(html).toMatch(
      new RegExp(`<input[^>]*name="status.${right.userId}"[^>]*checked=""[^>]*value="excused"`),
    );
  });
});
