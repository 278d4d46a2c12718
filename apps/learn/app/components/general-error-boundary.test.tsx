// The shared error page: a form body the server refused to read (not a form, too large, too many
// fields, a field name it must not expand) gets a real page with the right status that names the
// field or the limit; a thrown 429 says how long to wait; a 503 that reached the browser's router
// (a client navigation during an outage) shows the outage page with the typed values.
import { createTestDb } from "@peacelearn/db/testing";
import { renderToString } from "react-dom/server";
import {
  createRoutesStub,
  data,
  UNSAFE_ErrorResponseImpl as ErrorResponseImpl,
} from "react-router";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { provideTestDatabase } from "~/lib/db.server";
import { createI18n } from "~/lib/i18n";
import { I18nProvider } from "~/lib/i18n-react";
import { type ExtraRoute, handleAppRequest } from "~/test/app-handler";
import { TEST_ORIGIN } from "~/test/route-call";
import { GeneralErrorBoundary } from "./general-error-boundary";

let close: () => Promise<void>;
beforeAll(async () => {
  const test = await createTestDb();
  close = test.close;
  provideTestDatabase(test.db);
}, 180_000);
afterAll(async () => close?.());

function post(body: BodyInit, contentType: string, locale = "en") {
  return new Request(`${TEST_ORIGIN}/login`, {
    method: "POST",
    headers: { Origin: TEST_ORIGIN, "Content-Type": contentType, "Accept-Language": locale },
    body,
  });
}

/** The page's main heading and text, without tags. */
async function page(response: Response) {
  const html = await response.text();
  const main = html.slice(html.indexOf("<main"), html.indexOf("</main>"));
  return main
    .replace(/<[^>]+>/g, " ")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, "&")
    .replace(/\s+/g, " ");
}

const URLENCODED = "application/x-www-form-urlencoded";

describe("a form body the server will not read", () => {
  it("not a form (JSON): 415, says to use the page's form", async () => {
    const response = await handleAppRequest(post('{"email":"a@b.org"}', "application/json"));
    expect(response.status).toBe(415);
    const text = await page(response);
    expect(text).toContain("Error 415");
    expect(text).toContain("This is not a form we can read");
    expect(text).toContain("only accepts forms sent from its own page");
    expect(text).not.toContain("Something went wrong");
  });

  it("a field name the form library must not expand: 400, naming the field", async () => {
    const response = await handleAppRequest(post("email=a%40b.org&x%5B30000000%5D=1", URLENCODED));
    expect(response.status).toBe(400);
    const text = await page(response);
    expect(text).toContain("This form could not be accepted");
    expect(text).toContain("It contained a field we cannot accept: “x[30000000]”");
  });

  it("too large: 413, naming the limit in the reader's units", async () => {
    const body = `email=a%40b.org&notes=${"a".repeat(70 * 1024)}`;
    const en = await handleAppRequest(post(body, URLENCODED));
    expect(en.status).toBe(413);
    // 64 KiB, the parser's DEFAULT_FORM_LIMITS.maxBytes, in Intl's kilobyte unit.
    expect(await page(en)).toContain("It is larger than the 64 kB we accept");
    const fr = await handleAppRequest(post(body, URLENCODED, "fr"));
    expect(fr.status).toBe(413);
    const text = await page(fr);
    expect(text).toContain("Ce formulaire est trop volumineux");
    expect(text).toContain("Il dépasse les 64 ko que nous acceptons");
  });

  it("too many fields: 413, naming the limit", async () => {
    const body = Array.from({ length: 301 }, (_, index) => `f${index}=1`).join("&");
    const response = await handleAppRequest(post(body, URLENCODED));
    expect(response.status).toBe(413);
    expect(await page(response)).toContain("It has more than 300 fields, the most we accept");
  });

  it("in French too, with a link back to the page", async () => {
    const response = await handleAppRequest(post("{}", "application/json", "fr"));
    expect(response.status).toBe(415);
    const html = await response.text();
    expect(html).toContain('<html lang="fr"');
    expect(html).toContain("Ce formulaire ne peut pas être lu");
    expect(html).toContain('href="/login"');
    expect(html).toContain("Revenir à la page");
  });
});

const THROTTLED: ExtraRoute = {
  id: "test/throttled",
  path: "test-throttled",
  module: {
    default: () => null,
    loader: () => {
      throw data({ retryAfterSeconds: 20 }, { status: 429, headers: { "Retry-After": "20" } });
    },
  },
};

describe("too many requests", () => {
  it("a thrown 429 gets a real page with the wait, not the unexpected-error page", async () => {
    const response = await handleAppRequest(
      new Request(`${TEST_ORIGIN}/test-throttled`, { headers: { "Accept-Language": "fr" } }),
      { extraRoutes: [THROTTLED] },
    );
    expect(response.status).toBe(429);
    const text = await page(response);
    expect(text).toContain("Trop de tentatives");
    expect(text).toContain("attendez 20 secondes avant de réessayer");
  });

  it("without a known wait, it still says to wait", () => {
    const html = render(new ErrorResponseImpl(429, "Too Many Requests", null), "en");
    expect(html).toContain("Too many attempts");
    expect(html).toContain("Please wait a little, then try again.");
  });
});

function render(error: unknown, locale: string) {
  const Stub = createRoutesStub([
    {
      id: "page",
      path: "/trainer/accompaniment/new",
      Component: () => null,
      ErrorBoundary: GeneralErrorBoundary,
    },
  ]);
  return renderToString(
    <I18nProvider i18n={createI18n(locale)}>
      <Stub
        initialEntries={["/trainer/accompaniment/new"]}
        hydrationData={{ errors: { page: error } }}
      />
    </I18nProvider>,
  );
}

describe("a 503 that reached the browser's router", () => {
  it("shows the outage page from the JSON text of the .data answer, with the form", () => {
    // What React Router's client makes of a .data answer without X-Remix-Response.
    const body = JSON.stringify({
      serviceUnavailable: true,
      locale: "en",
      discreet: false,
      lastAction: "not-saved",
      submittedForm: {
        action: "/trainer/accompaniment/new",
        fields: [
          { name: "traineeId", value: "cm0trainee00000000000000" },
          { name: "notes", value: "Two lines\nof notes" },
        ],
      },
    });
    const html = render(new ErrorResponseImpl(503, "Service Unavailable", body), "en");
    expect(html).toContain("The service is briefly unavailable");
    expect(html).toContain("What you just sent was not saved.");
    expect(html).toMatch(/<form[^>]*action="\/trainer\/accompaniment\/new"/);
    expect(html).toMatch(/<textarea[^>]*name="notes"[^>]*>Two lines\nof notes<\/textarea>/);
    expect(html).toContain(
      '<input type="hidden" name="traineeId" value="cm0trainee00000000000000"/>',
    );
  });

  it("a 503 without outage data gets the plain unavailable page, never a made-up claim", () => {
    const html = render(new ErrorResponseImpl(503, "Service Unavailable", "down"), "fr");
    expect(html).toContain("Le service est brièvement indisponible");
    expect(html).not.toContain("enregistré");
  });
});
