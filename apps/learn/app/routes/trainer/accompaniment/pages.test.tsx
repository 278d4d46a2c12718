import { describe, expect, it } from "vitest";
import NewSessionPage from "~/routes/trainer/accompaniment/new";
import SessionPage from "~/routes/trainer/accompaniment/session";
import { renderPage, routePage } from "~/test/render-page";

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
    const html = renderPage(routePage(SessionPage, { locale: "en", session: detail }));
    expect(html).toContain("Sensitive note — visible to its author and administrators");
    expect(html).toContain("Overdue");
    expect(html).not.toContain("Save the status");
  });

  it("shows the author the note and the status form, in French too", () => {
    const html = renderPage(
      routePage(SessionPage, {
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
    const html = renderPage(routePage(NewSessionPage, loaderData));
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
    const html = renderPage(routePage(NewSessionPage, loaderData, actionData));
    expect(html.match(/name="followUps\[\d+\]\.description"/g)).toHaveLength(4);
    expect(html).toContain('value="Call the clerk"');
    expect(html).toContain('value="policy brief"');
  });
});
