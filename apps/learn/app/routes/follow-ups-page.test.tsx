import { describe, expect, it } from "vitest";
import MyFollowUpsPage from "~/routes/follow-ups";
import { renderPage, routePage } from "~/test/render-page";

describe("my follow-ups page", () => {
  it("lists an overdue action with its session and a mark-done button", () => {
    const html = renderPage(
      routePage(MyFollowUpsPage, {
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
