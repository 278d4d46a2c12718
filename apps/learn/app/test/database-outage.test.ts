// Issue 10, defect 6: while the database is unreachable every page, form post and client
// navigation answers 503 with Retry-After and says so honestly — a form post says it was NOT
// saved and offers what was typed back in a form that sends it again. The database here is real
// and really goes away (see outage-database.ts); the requests go through the whole app.
import { createDb, DatabaseUnreachableError } from "@peacelearn/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { provideTestDatabase } from "~/lib/db.server";
import { handleAppRequest } from "./app-handler";
import { createOutageDatabase, type OutageDatabase, unusedPort } from "./outage-database";
import { formPost, pageGet } from "./route-call";
import { signIn } from "./sign-in.server";

const EN = {
  title: "The service is briefly unavailable",
  notSaved: "What you just sent was not saved.",
  resend: "Send again",
  retry: "Try this page again",
};
const FR = {
  title: "Le service est brièvement indisponible",
  notSaved: "Ce que vous venez d’envoyer n’a pas été enregistré.",
};

type Element = { attributes: Record<string, string>; html: string };

/** The `<tag …>` elements of `html` with their attributes (React writes them in its own order). */
function elements(html: string, tag: string): Element[] {
  return [...html.matchAll(new RegExp(`<${tag}\\b([^>]*)>`, "g"))].map((match) => ({
    attributes: Object.fromEntries(
      [...(match[1] ?? "").matchAll(/([\w:-]+)="([^"]*)"/g)].map(([, name = "", value = ""]) => [
        name,
        value,
      ]),
    ),
    html: html.slice(match.index ?? 0),
  }));
}

/** The re-post form: method post, to `action`; its inner HTML. */
function resendForm(html: string, action: string): string {
  const form = elements(html, "form").find(
    ({ attributes }) => attributes.method === "post" && attributes.action === action,
  );
  expect(form, `a form that posts to ${action} again`).toBeDefined();
  const inner = form?.html ?? "";
  return inner.slice(0, inner.indexOf("</form>"));
}

function field(formHtml: string, name: string) {
  return elements(formHtml, "input").find(({ attributes }) => attributes.name === name)?.attributes;
}

/** React escapes text and attribute values this way. */
const escaped = (text: string) =>
  text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

function expectServiceUnavailable(response: Response) {
  expect(response.status).toBe(503);
  expect(response.headers.get("Retry-After")).toMatch(/^\d+$/);
  expect(Number(response.headers.get("Retry-After"))).toBeGreaterThan(0);
  expect(response.headers.get("Cache-Control")).toBe("no-store");
}

let outage: OutageDatabase;
let trainerToken = "";
let traineeId = "";

beforeAll(async () => {
  outage = await createOutageDatabase();
  provideTestDatabase(outage.db);
  const trainer = await outage.db.user.create({
    data: { email: "trainer-outage@test.example", displayName: "Trainer", roles: ["trainer"] },
  });
  const trainee = await outage.db.user.create({
    data: { email: "trainee-outage@test.example", displayName: "Amina", roles: ["trainee"] },
  });
  traineeId = trainee.id;
  trainerToken = (await signIn(outage.db, trainer.id)).token;
  // Up and running: the same pages answer normally first.
  const before = await handleAppRequest(pageGet("/courses"));
  expect(before.status).toBe(200);
  await outage.cut();
}, 180_000);
afterAll(async () => outage?.close());

describe(`pages while the database is unreachable (${process.env.TEST_DATABASE_TARGET ?? "pglite"})`, () => {
  it("a public page answers 503 with Retry-After and an honest page, not the 500 page", async () => {
    const response = await handleAppRequest(pageGet("/courses"));
    expectServiceUnavailable(response);
    expect(response.headers.get("Content-Type")).toMatch(/^text\/html/);
    const html = await response.text();
    expect(html).toContain(EN.title);
    expect(html).toContain(`href="/courses"`);
    expect(html).toContain(EN.retry);
    expect(html).not.toContain("Nothing you entered was lost");
    expect(html).not.toContain(EN.notSaved);
  });

  it("a signed-in page answers 503 in the reader's language", async () => {
    const response = await handleAppRequest(
      pageGet("/learning", trainerToken, { "Accept-Language": "fr" }),
    );
    expectServiceUnavailable(response);
    const html = await response.text();
    expect(html).toContain('<html lang="fr"');
    expect(html).toContain(FR.title);
  });

  it("a form post says it was not saved and offers the typed values back (secrets left out)", async () => {
    const response = await handleAppRequest(
      formPost("/login", {
        email: "amina@example.org",
        password: "correct horse battery staple",
        redirectTo: "/learning",
      }),
    );
    expectServiceUnavailable(response);
    const html = await response.text();
    expect(html).toContain(EN.notSaved);
    const fields = resendForm(html, "/login");
    expect(field(fields, "email")).toMatchObject({ type: "text", value: "amina@example.org" });
    expect(field(fields, "redirectTo")).toMatchObject({ type: "hidden", value: "/learning" });
    expect(fields).toContain(EN.resend);
    expect(html).not.toContain("correct horse battery staple");
    expect(fields).not.toContain('name="password"');
  });

  it("a post whose guard already needed the database still gets its text back, editable", async () => {
    const notes = 'Met Amina at the centre.\nShe asked about the "NAP" <draft> & timeline.';
    const response = await handleAppRequest(
      formPost(
        "/trainer/accompaniment/new",
        {
          traineeId,
          occurredOn: "2026-11-30",
          mode: "in-person",
          durationMinutes: "45",
          notes,
        },
        { Cookie: `peacelearn_session=${trainerToken}` },
      ),
    );
    expectServiceUnavailable(response);
    const html = await response.text();
    expect(html).toContain(EN.notSaved);
    const fields = resendForm(html, "/trainer/accompaniment/new");
    expect(fields).toMatch(
      new RegExp(`<textarea[^>]*name="notes"[^>]*>${escapeRegExp(escaped(notes))}</textarea>`),
    );
    expect(field(fields, "durationMinutes")).toMatchObject({ type: "text", value: "45" });
    expect(field(fields, "occurredOn")).toMatchObject({ type: "text", value: "2026-11-30" });
    expect(field(fields, "traineeId")).toMatchObject({ type: "hidden", value: traineeId });
    expect(field(fields, "mode")).toMatchObject({ type: "hidden", value: "in-person" });
  });

  it("a client navigation (.data) answers 503 with the same page's data", async () => {
    const response = await handleAppRequest(pageGet("/learning.data", trainerToken));
    expectServiceUnavailable(response);
    // Without this header the browser's router turns the answer into a 503 route error.
    expect(response.headers.has("X-Remix-Response")).toBe(false);
    const body = JSON.parse(await response.text());
    expect(body).toMatchObject({ serviceUnavailable: true, lastAction: "none", locale: "en" });
  });

  it("a form post through the client router (.data) is not saved and keeps its fields", async () => {
    const response = await handleAppRequest(
      formPost("/login.data", { email: "amina@example.org", password: "secret-words" }),
    );
    expectServiceUnavailable(response);
    const body = JSON.parse(await response.text());
    expect(body.lastAction).toBe("not-saved");
    expect(body.submittedForm).toEqual({
      action: "/login",
      fields: [{ name: "email", value: "amina@example.org" }],
    });
  });
});

// Resource routes (no page component: downloads, redirects, sign-out) are answered by React
// Router without entry.server's page, so before the fix their outage was its last-resort 500.
describe("resource routes while the database is unreachable", () => {
  const signedIn = () => ({ Cookie: `peacelearn_session=${trainerToken}` });

  it("signing out (POST /logout) answers 503, says nothing was done, and keeps the session", async () => {
    const response = await handleAppRequest(formPost("/logout", {}, signedIn()));
    expectServiceUnavailable(response);
    // The session could not be ended: telling the browser it was would be a lie.
    expect(response.headers.has("Set-Cookie")).toBe(false);
    expect(response.headers.get("Content-Type")).toMatch(/^text\/plain/);
    const text = await response.text();
    expect(text).toContain(EN.title);
    expect(text).toContain(EN.notSaved);
  });

  it("a browser's POST gets an HTML page in its language, with no script", async () => {
    const response = await handleAppRequest(
      formPost(
        "/logout",
        { scope: "everywhere" },
        {
          ...signedIn(),
          Accept: "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8",
          "Accept-Language": "fr",
        },
      ),
    );
    expectServiceUnavailable(response);
    expect(response.headers.get("Content-Type")).toMatch(/^text\/html/);
    expect(response.headers.get("Content-Security-Policy")).toContain("script-src");
    const html = await response.text();
    expect(html).toContain('<html lang="fr"');
    expect(html).toContain(FR.title);
    expect(html).toContain(FR.notSaved);
    expect(html).not.toContain("<script");
  });

  it.each([
    ["the report CSV export", "/reports/export.csv?by=region"],
    ["the IATI JSON export", "/reports/iati.json"],
    ["a cohort's CSV export", "/trainer/cohorts/cohort-outage/export.csv"],
    ["resume where I left off", "/courses/foundations/resume"],
  ])("%s answers 503 with Retry-After, not 500", async (_name, path) => {
    const response = await handleAppRequest(pageGet(path, trainerToken));
    expectServiceUnavailable(response);
    expect(response.headers.get("Content-Disposition")).toBeNull();
    const text = await response.text();
    expect(text).toContain(EN.title);
    expect(text).not.toContain("Unexpected Server Error");
    expect(text).not.toContain(EN.notSaved);
  });

  it("a HEAD request gets the same status without a body", async () => {
    const response = await handleAppRequest(
      new Request(pageGet("/reports/export.csv", trainerToken), { method: "HEAD" }),
    );
    expectServiceUnavailable(response);
    expect(await response.text()).toBe("");
  });

  it("routes that need no database keep working: choosing a language still answers 303", async () => {
    const response = await handleAppRequest(
      formPost("/locale", { locale: "fr", redirectTo: "/courses" }),
    );
    expect(response.status).toBe(303);
    expect(response).toRedirectTo("/courses");
    expect(response.headers.get("Set-Cookie")).toMatch(/^locale=/);
  });

  it("signing out without a session needs no database either (303 home)", async () => {
    const response = await handleAppRequest(formPost("/logout", {}));
    expect(response.status).toBe(303);
    expect(response).toRedirectTo("/");
  });
});

describe("pages when the server was already down as the app started", () => {
  it("answers 503, not 500, when the database cannot even be opened", async () => {
    const opening = createDb({
      databaseUrl: `postgresql://postgres@127.0.0.1:${await unusedPort()}/peacelearn`,
      connectTimeoutSeconds: 2,
    });
    await expect(opening).rejects.toBeInstanceOf(DatabaseUnreachableError);
    provideTestDatabase(opening);
    const response = await handleAppRequest(pageGet("/courses"));
    expectServiceUnavailable(response);
    expect(await response.text()).toContain(EN.title);
  });
});

function escapeRegExp(text: string) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
