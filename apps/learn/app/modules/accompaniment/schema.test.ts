import { parseWithZod } from "@conform-to/zod/v4";
import { describe, expect, it } from "vitest";
import { dayString, isOverdue, parseDay, utcToday } from "./dates";
import { parseListFilters, parseTopics, SessionFormSchema } from "./schema";

function form(fields: Record<string, string>) {
  const body = new FormData();
  for (const [name, value] of Object.entries(fields)) body.append(name, value);
  return parseWithZod(body, { schema: SessionFormSchema });
}

const valid = {
  traineeId: "trainee-1",
  occurredOn: "2026-01-15",
  mode: "phone",
  activityType: "accompaniment",
  "followUps[0].owner": "trainee",
  "followUps[0].status": "open",
  "followUps[1].owner": "trainee",
  "followUps[1].status": "open",
};

describe("parseTopics", () => {
  it("splits on commas, trims, collapses spaces and drops empty and repeated topics", () => {
    expect(parseTopics(" advocacy plan, Safety  planning ,, ADVOCACY PLAN ,media")).toEqual([
      "advocacy plan",
      "Safety planning",
      "media",
    ]);
    expect(parseTopics(undefined)).toEqual([]);
  });
});

describe("SessionFormSchema", () => {
  it("turns the form into a session: topics array, default activity type, blank rows dropped", () => {
    const submission = form({
      ...valid,
      activityType: "",
      topics: "policy brief, Policy Brief, community dialogue",
      isSensitive: "on",
      durationMinutes: "45",
      "followUps[1].description": "Send the one-page ask",
      "followUps[1].dueOn": "2026-01-29",
      "followUps[1].owner": "trainer",
    });
    expect(submission.status).toBe("success");
    if (submission.status !== "success") return;
    expect(submission.value).toMatchObject({
      topics: ["policy brief", "community dialogue"],
      activityType: "accompaniment",
      isSensitive: true,
      durationMinutes: 45,
      notes: "",
      followUps: [
        {
          description: "Send the one-page ask",
          dueOn: "2026-01-29",
          owner: "trainer",
          status: "open",
        },
      ],
    });
  });

  it("reads an unticked sensitive box as not sensitive", () => {
    const submission = form(valid);
    expect(submission.status === "success" && submission.value.isSensitive).toBe(false);
  });

  it("refuses more than 10 topics, half-filled rows and impossible dates, by field", () => {
    const submission = form({
      ...valid,
      occurredOn: "2026-02-30",
      topics: Array.from({ length: 11 }, (_, i) => `topic ${i}`).join(","),
      "followUps[0].description": "Call the clerk",
      "followUps[1].dueOn": "2026-02-01",
    });
    expect(submission.status).toBe("error");
    const errors = submission.reply().error ?? {};
    expect(errors.occurredOn).toEqual(["accompaniment:errors.dateInvalid"]);
    expect(errors.topics).toEqual(["accompaniment:errors.tooManyTopics"]);
    expect(errors["followUps[0].dueOn"]).toEqual(["accompaniment:errors.dueOnRequired"]);
    expect(errors["followUps[1].description"]).toEqual([
      "accompaniment:errors.descriptionRequired",
    ]);
  });

  it("refuses a session dated after tomorrow (UTC)", () => {
    const inTwoDays = dayString(new Date(utcToday().getTime() + 2 * 86_400_000));
    const errors = form({ ...valid, occurredOn: inTwoDays }).reply().error ?? {};
    expect(errors.occurredOn).toEqual(["accompaniment:errors.occurredOnFuture"]);
  });

  it("asks for the trainee and the mode", () => {
    const errors = form({ occurredOn: "2026-01-15" }).reply().error ?? {};
    expect(errors.traineeId).toEqual(["accompaniment:errors.traineeRequired"]);
    expect(errors.mode).toEqual(["accompaniment:errors.modeRequired"]);
  });
});

describe("dates", () => {
  it("parses only real calendar days", () => {
    expect(parseDay("2024-02-29")?.toISOString()).toBe("2024-02-29T00:00:00.000Z");
    expect(parseDay("2025-02-29")).toBeNull();
    expect(parseDay("29/02/2024")).toBeNull();
  });

  it("calls an open action overdue from the day after its due day, in UTC", () => {
    const today = new Date("2026-03-10T00:00:00Z");
    expect(isOverdue({ status: "open", dueOn: "2026-03-09" }, today)).toBe(true);
    expect(isOverdue({ status: "open", dueOn: "2026-03-10" }, today)).toBe(false);
    expect(isOverdue({ status: "done", dueOn: "2026-03-01" }, today)).toBe(false);
    // 23:30 in UTC-5 on the 9th is already the 10th in UTC.
    expect(utcToday(new Date("2026-03-09T23:30:00-05:00")).toISOString()).toBe(
      "2026-03-10T00:00:00.000Z",
    );
  });
});

describe("parseListFilters", () => {
  it("keeps valid filters and ignores malformed ones", () => {
    expect(
      parseListFilters(
        new URLSearchParams("trainee=u1&from=2026-01-01&to=2026-13-01&status=late&page=-3"),
      ),
    ).toEqual({
      trainee: "u1",
      cohort: undefined,
      from: "2026-01-01",
      to: undefined,
      status: undefined,
      page: 1,
    });
    expect(parseListFilters(new URLSearchParams("status=overdue&page=4"))).toMatchObject({
      status: "overdue",
      page: 4,
    });
  });
});
