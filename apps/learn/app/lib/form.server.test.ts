import type { AppLoadContext } from "react-router";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { TEST_ORIGIN } from "~/test/route-call";
import {
  CONTROL_CHARACTER_MESSAGE,
  DEFAULT_FORM_LIMITS,
  isAcceptableFieldName,
  isFormRejection,
  parseForm,
  parseSearch,
  readForm,
  readQuery,
} from "./form.server";

function post(body: BodyInit, type = "application/x-www-form-urlencoded", extra = {}) {
  return new Request(`${TEST_ORIGIN}/x`, {
    method: "POST",
    headers: { "Content-Type": type, Origin: TEST_ORIGIN, ...extra },
    body,
  });
}

/** What a rejected read throws: its status and reason. */
async function rejection(promise: Promise<unknown>) {
  try {
    await promise;
  } catch (thrown) {
    const value = thrown as { init?: { status?: number }; data?: unknown };
    if (isFormRejection(value.data)) {
      return { status: value.init?.status, ...value.data.formRejection };
    }
    throw thrown;
  }
  throw new Error("expected the read to be rejected");
}

describe("field names", () => {
  it("accepts the shapes our forms use", () => {
    for (const name of [
      "email",
      "redirectTo",
      "followUps[0].description",
      "followUps[99].status",
      "status.cm3xk0abc000008l4",
      "answer-q1",
      "__intent__",
    ]) {
      expect(isAcceptableFieldName(name), name).toBe(true);
    }
  });

  it("refuses huge indices, deep paths and anything the form library would mis-expand", () => {
    for (const name of [
      "x[30000000]",
      "x[10000000]",
      "roles[999999]",
      "followUps[100000].description",
      "followUps[100]",
      "a.b.c.d.e",
      "a[0][0][0][0]",
      "a..b",
      "a.",
      ".a",
      "[0]",
      "a[]",
      "a[-1]",
      "a[0",
      "a b",
      "a\u0000b",
      "x".repeat(DEFAULT_FORM_LIMITS.maxNameLength + 1),
      "",
    ]) {
      expect(isAcceptableFieldName(name), JSON.stringify(name)).toBe(false);
    }
  });
});

describe("readForm", () => {
  it("reads a URL-encoded form", async () => {
    const form = await readForm(post("email=a%40b.org&roles=trainer&roles=staff"));
    expect(form.get("email")).toBe("a@b.org");
    expect(form.getAll("roles")).toEqual(["trainer", "staff"]);
  });

  it("answers the 40-byte freeze with 400 naming the field, at once and without allocating", async () => {
    const before = process.memoryUsage().heapUsed;
    const started = performance.now();
    const outcome = await rejection(readForm(post("email=a%40b.org&x%5B30000000%5D=1")));
    expect(performance.now() - started).toBeLessThan(200);
    expect(process.memoryUsage().heapUsed - before).toBeLessThan(50 * 1024 * 1024);
    expect(outcome).toMatchObject({ status: 400, reason: "field-name", field: "x[30000000]" });
  });

  it("refuses bodies that are not forms with 415", async () => {
    for (const type of ["application/json", "text/plain", "application/xml", ""]) {
      const outcome = await rejection(readForm(post('{"email":"a@b.org"}', type)));
      expect(outcome, type).toMatchObject({ status: 415, reason: "unsupported-media-type" });
    }
  });

  it("refuses multipart unless the action takes uploads", async () => {
    const body = new FormData();
    body.set("email", "a@b.org");
    const request = new Request(`${TEST_ORIGIN}/x`, { method: "POST", body });
    expect(await rejection(readForm(request))).toHaveStatus(415);
    const upload = new Request(`${TEST_ORIGIN}/x`, { method: "POST", body });
    expect((await readForm(upload, { multipart: true })).get("email")).toBe("a@b.org");
  });

  it("answers 413 for a body over the limit, declared or not, after reading it", async () => {
    const big = `notes=${"a".repeat(DEFAULT_FORM_LIMITS.maxBytes)}`;
    expect(await rejection(readForm(post(big)))).toMatchObject({
      status: 413,
      reason: "body-too-large",
    });
    // A chunked body with no Content-Length is counted as it arrives.
    const chunks = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let i = 0; i < 80; i++) controller.enqueue(new TextEncoder().encode("a".repeat(1024)));
        controller.close();
      },
    });
    const chunked = new Request(`${TEST_ORIGIN}/x`, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: chunks,
      duplex: "half",
    } as RequestInit);
    expect(await rejection(readForm(chunked))).toHaveStatus(413);
  });

  it("refuses too many fields", async () => {
    const body = Array.from({ length: DEFAULT_FORM_LIMITS.maxFields + 1 }, (_, i) => `f${i}=1`);
    expect(await rejection(readForm(post(body.join("&"))))).toMatchObject({
      status: 413,
      reason: "too-many-fields",
    });
  });

  it("reads a bare POST with no body as an empty form", async () => {
    const request = new Request(`${TEST_ORIGIN}/x`, { method: "POST" });
    expect([...(await readForm(request))]).toEqual([]);
  });
});

describe("parseForm", () => {
  const Schema = z.object({ title: z.string().min(1), notes: z.string().optional() });

  it("makes a control character an error on its field and keeps what was typed", async () => {
    const context = {};
    const submission = await parseForm(
      { request: post("title=Workshop&notes=a%00b"), context },
      Schema,
    );
    expect(submission.status).toBe("error");
    const reply = submission.reply();
    expect(reply.error).toMatchObject({ notes: [CONTROL_CHARACTER_MESSAGE] });
    expect(reply.initialValue).toMatchObject({ title: "Workshop", notes: "a\u0000b" });
  });

  it("keeps schema errors next to control-character errors", async () => {
    const submission = await parseForm({ request: post("title=&notes=%01") }, Schema);
    expect(submission.reply().error).toMatchObject({
      notes: [CONTROL_CHARACTER_MESSAGE],
      title: expect.any(Array),
    });
  });

  it("allows tabs and line breaks, which people do type", async () => {
    const submission = await parseForm({ request: post("title=A&notes=one%0D%0Atwo%09") }, Schema);
    expect(submission.status).toBe("success");
  });

  it("remembers the fields for the outage page, never a secret", async () => {
    const context: AppLoadContext = {};
    await parseForm(
      { request: post("title=A&currentPassword=hunter2&token=abc"), context },
      z.object({ title: z.string() }),
    );
    expect(context.submittedForm).toEqual({
      action: "/x",
      fields: [{ name: "title", value: "A" }],
    });
  });
});

describe("readQuery", () => {
  it("drops a query value with a control character (NUL on the audit log's filter was a 500)", () => {
    const query = readQuery(new URL(`${TEST_ORIGIN}/admin/audit?action=a%00b&page=2&q=ok`));
    expect([...query]).toEqual([
      ["page", "2"],
      ["q", "ok"],
    ]);
  });
});

describe("parseSearch", () => {
  it("applies the same name rules to a query string", async () => {
    const url = new URL(`${TEST_ORIGIN}/verify?code=ABC&x%5B30000000%5D=1`);
    expect(
      await rejection(Promise.resolve().then(() => parseSearch(url, z.object({})))),
    ).toMatchObject({ status: 400, field: "x[30000000]" });
  });
});
