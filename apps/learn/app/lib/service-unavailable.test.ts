// How the 503 page offers a failed form back, and what it accepts as that page's data.
import { UNSAFE_ErrorResponseImpl as ErrorResponseImpl } from "react-router";
import { describe, expect, it } from "vitest";
import { offeredFields, onSitePath, readServiceUnavailable } from "./service-unavailable";

describe("offeredFields", () => {
  it("keeps what the form supplied hidden and shows what a person typed, editable", () => {
    const fields = offeredFields({
      action: "/trainer/accompaniment/new",
      fields: [
        { name: "intent", value: "save" },
        { name: "traineeId", value: "cmx61azhj0001cj7djaqa6p1v" },
        { name: "redirectTo", value: "/learning" },
        { name: "mode", value: "in-person" },
        { name: "isSensitive", value: "on" },
        { name: "followUps[2].description", value: "" },
        { name: "durationMinutes", value: "45" },
        { name: "occurredOn", value: "2026-11-30" },
        { name: "email", value: "amina@example.org" },
        { name: "topics", value: "advocacy plan, safety planning" },
        { name: "followUps[0].description", value: "Call the district office" },
        { name: "notes", value: "Two lines\nof notes" },
        { name: "title", value: "x".repeat(81) },
      ],
    });
    expect(fields.map(({ name, as }) => [name, as])).toEqual([
      ["intent", "hidden"],
      ["traineeId", "hidden"],
      ["redirectTo", "hidden"],
      ["mode", "hidden"],
      ["isSensitive", "hidden"],
      ["followUps[2].description", "hidden"],
      ["durationMinutes", "line"],
      ["occurredOn", "line"],
      ["email", "line"],
      ["topics", "line"],
      ["followUps[0].description", "line"],
      ["notes", "text"],
      ["title", "text"],
    ]);
    expect(fields.find((field) => field.name === "followUps[0].description")?.label).toBe(
      "Follow ups 1 description",
    );
    expect(fields.find((field) => field.name === "durationMinutes")?.label).toBe(
      "Duration minutes",
    );
  });
});

describe("onSitePath", () => {
  it("never lets a path name another host", () => {
    expect(onSitePath("//evil.example/x")).toBe("/evil.example/x");
    expect(onSitePath("/\\evil.example")).toBe("/evil.example");
    expect(onSitePath("/login?redirectTo=%2Flearning")).toBe("/login?redirectTo=%2Flearning");
  });
});

describe("readServiceUnavailable", () => {
  const page = { serviceUnavailable: true, locale: "fr", discreet: true, lastAction: "not-saved" };

  it("reads the server's error response and the browser's JSON text alike", () => {
    const form = { action: "/login", fields: [{ name: "email", value: "a@b.org" }] };
    const data = { ...page, submittedForm: form };
    expect(readServiceUnavailable(new ErrorResponseImpl(503, "", data))).toEqual(data);
    expect(readServiceUnavailable(new ErrorResponseImpl(503, "", JSON.stringify(data)))).toEqual(
      data,
    );
  });

  it("ignores other errors, and a form address that could leave the site", () => {
    expect(readServiceUnavailable(new ErrorResponseImpl(500, "", page))).toBeNull();
    expect(readServiceUnavailable(new ErrorResponseImpl(503, "", "<html>"))).toBeNull();
    expect(readServiceUnavailable(new Error("down"))).toBeNull();
    const away = { ...page, submittedForm: { action: "//evil.example/", fields: [] } };
    expect(readServiceUnavailable(new ErrorResponseImpl(503, "", away))?.submittedForm).toBe(
      undefined,
    );
  });
});
