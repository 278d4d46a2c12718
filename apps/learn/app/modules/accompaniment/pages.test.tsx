import type { ReactNode } from "react";
import { renderToString } from "react-dom/server";
import { createRoutesStub } from "react-router";
import { describe, expect, it } from "vitest";
import { createI18n } from "~/lib/i18n";
import { I18nProvider } from "~/lib/i18n-react";
import NewSessionPage from "~/routes/accompaniment/new";
import SessionPage from "~/routes/accompaniment/session";
import MyFollowUpsPage from "~/routes/follow-ups/follow-ups";

// Server-renders the pages from loader-shaped data, as a browser without JavaScript receives them.
function render(element: ReactNode, locale = "en") {
  const Stub = createRoutesStub([{ path: "/page", Component: () => element }]);
  return renderToString(
    <I18nProvider i18n={createI18n(locale)}>
      <Stub initialEntries={["/page"]} />
    </I18nProvider>,
  );
}
/** Route-component props from loader-shaped data (the page only reads loaderData/actionData). */
function page<P>(
  Component: (props: P) => ReactNode,
  loaderData: unknown,
  actionData?: unknown,
): ReactNode {
  const props = { loaderData, actionData, params: {}, matches: [] } as unknown as P;
  return <Component {...(props as P & object)} />;
}

const detail = {
  id: "s1",
  occurredOn: new Date("2026-03-02T00:00:00Z"),
  mode: "phone",
  durationMinutes: 45,
  activityType: "accompaniment",
  topics: ["safety planning"],
  isSensitive: true,
  trainee: { id: "t1", displayName: "Grace Akello" },
  trainerName: "Brenda Atim",
  cohort: { id: "c1", name: "Gulu 2026" },
  notes: null,
  canUpdateFollowUps: false,
  followUps: [
    {
      id: "f1",
      description: "Phone check-in about the safety plan",
      dueOn: new Date("2026-03-05T00:00:00Z"),
      status: "open",
      closedAt: null,
      ownerName: "Grace Akello",
      ownedByTrainee: true,
      isOverdue: true,
    },
  ],
};

describe("session page", () => {
  it("tells a co-trainer the note is sensitive instead of showing it, and flags overdue in words", () => {
    const html = render(page(SessionPage, { locale: "en", session: detail }));
    expect(html).toContain("Sensitive note — visible to its author and administrators");
    expect(html).toContain("Overdue");
    expect(html).not.toContain("Save the status");
  });

  it("shows the author the note and the status form, in French too", () => {
    const html = render(
      page(SessionPage, {
        locale: "fr",
        session: { ...detail, notes: "Menaces reçues.", canUpdateFollowUps: true },
      }),
      "fr",
    );
    expect(html).toContain("Menaces reçues.");
    expect(html).toContain("Enregistrer le statut");
    expect(html).toContain("En retard");
  });
});

describe("new session form", () => {
  const loaderData = {
    locale: "en",
    trainees: [{ id: "t1", displayName: "Grace Akello", cohorts: ["Gulu 2026"] }],
    defaultTraineeId: "t1",
    today: "2026-03-10",
  };

  it("starts with three empty follow-up rows and an add-row submit button", () => {
    const html = render(page(NewSessionPage, loaderData));
    expect(html.match(/name="followUps\[\d+\]\.description"/g)).toHaveLength(3);
    expect(html).toMatch(
      /<button(?=[^>]*type="submit")(?=[^>]*name="intent")(?=[^>]*value="add-row")/,
    );
    expect(html).toContain('value="accompaniment" selected=""');
  });

  it("re-renders with one more row and what was typed after add-row", () => {
    const actionData = {
      rowCount: 4,
      result: {
        initialValue: {
          topics: "policy brief",
          followUps: [{}, { description: "Call the clerk", owner: "trainer", status: "open" }],
        },
      },
    };
    const html = render(page(NewSessionPage, loaderData, actionData));
    expect(html.match(/name="followUps\[\d+\]\.description"/g)).toHaveLength(4);
    expect(html).toContain('value="Call the clerk"');
    expect(html).toContain('value="policy brief"');
  });
});

describe("my follow-ups page", () => {
  it("lists an overdue action with its session and a mark-done button", () => {
    const html = render(
      page(MyFollowUpsPage, {
        locale: "en",
        open: [
          {
            id: "f1",
            description: "Send the revised one-page ask",
            dueOn: new Date("2026-03-05T00:00:00Z"),
            status: "open",
            closedAt: null,
            owner: { kind: "me" },
            isOverdue: true,
            session: {
              occurredOn: new Date("2026-03-01T00:00:00Z"),
              mode: "online",
              trainerName: "B",
            },
          },
        ],
        closed: [],
      }),
    );
    expect(html).toContain("Send the revised one-page ask");
    expect(html).toContain("Overdue");
    expect(html).toContain("Mark as done");
    expect(html).toContain("Online");
  });
});
