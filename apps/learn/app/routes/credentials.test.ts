// Issue 17 through the routes: the holder downloads her credential (JSON, SVG badge) with the
// options of the certificate page's GET form, anyone checks the file at /verify (multipart, bounded),
// an admin revokes it with a reason, and the published status list says so.
import { seedDemo } from "@peacelearn/db";
import { describe, expect, it } from "vitest";
import { loader as adminLoader, action as revokeAction } from "~/routes/admin/credentials";
import { loader as credentialLoader } from "~/routes/courses/credential";
import { loader as didLoader } from "~/routes/credentials/issuer/did-json";
import { loader as statusLoader } from "~/routes/credentials/status/list";
import { action as verifyAction } from "~/routes/verify/index";
import { useTestDatabase } from "~/test/database";
import { callRoute, formPost, pageGet, TEST_ORIGIN } from "~/test/route-call";
import { type SignedIn, signIn } from "~/test/sign-in.server";

const COURSE = "demo-gender-and-peacebuilding-basics";
const CODE = "3HXQ-8MKD-2R7P";
let holder: SignedIn;
let admin: SignedIn;

const getDb = useTestDatabase(async (db) => {
  await seedDemo(db, { now: new Date("2026-11-27T10:00:00Z") });
  holder = await signIn(db, {
    email: "credential.holder@example.org",
    name: "Nadia Haidari",
    gender: "woman",
    locationCode: "AF",
  });
  admin = await signIn(db, { name: "Admin", roles: ["trainee", "admin"] });
  const course = await db.course.findUniqueOrThrow({ where: { key: COURSE } });
  await db.certificate.create({
    data: { userId: holder.id, courseId: course.id, verificationCode: CODE },
  });
});

async function download(query: string, token = holder.token) {
  return (await callRoute(
    credentialLoader,
    pageGet(`/courses/${COURSE}/credential?${query}`, token),
    { params: { courseKey: COURSE } },
  )) as Response;
}

function upload(file: Blob, name: string, email?: string) {
  const body = new FormData();
  body.append("credential", file, name);
  if (email !== undefined) body.append("email", email);
  const request = new Request(`${TEST_ORIGIN}/verify`, {
    method: "POST",
    headers: { Origin: TEST_ORIGIN },
    body,
  });
  return callRoute(verifyAction, request) as Promise<{
    status: number;
    data: {
      check: { status: string; facts?: Record<string, unknown> } | null;
      errors: Record<string, string>;
    };
  }>;
}

describe("downloading", () => {
  it("answers the holder a JSON credential and an SVG badge, private and named neutrally", async () => {
    const json = await download("format=json&title=neutral");
    expect(json.status).toBe(200);
    expect(json.headers.get("Content-Type")).toMatch(/^application\/json/);
    expect(json.headers.get("Cache-Control")).toBe("no-store");
    expect(json.headers.get("Content-Disposition")).toBe('attachment; filename="credential.json"');
    const credential = JSON.parse(await json.text());
    expect(credential.credentialSubject.achievement.name).toBe("Professional development course");
    const svg = await download("format=svg&title=course&showName=on");
    expect(svg.headers.get("Content-Type")).toMatch(/^image\/svg\+xml/);
    const text = await svg.text();
    expect(text).toContain("<openbadges:credential><![CDATA[");
    expect(text).toContain("Nadia Haidari");
  });

  it("is not found for someone who holds no certificate, and refuses unknown options with 400", async () => {
    const other = await signIn(getDb(), { name: "No certificate" });
    expect((await download("format=json", other.token)).status).toBe(404);
    const bad = (await callRoute(
      credentialLoader,
      pageGet(`/courses/${COURSE}/credential?format=pdf`, holder.token),
      { params: { courseKey: COURSE } },
    )) as { status: number; data: { errors: Record<string, string[]> } };
    expect(bad.status).toBe(400);
    expect(bad.data.errors.format).toEqual(["credentials:errors.format"]);
  });
});

describe("verifying a file at /verify", () => {
  it("says valid for the JSON and for the badge, and checks an e-mail the holder gave", async () => {
    const json = await (await download("format=json")).text();
    const outcome = await upload(
      new Blob([json], { type: "application/json" }),
      "credential.json",
      "credential.holder@example.org",
    );
    expect(outcome.status).toBe(200);
    expect(outcome.data.check).toMatchObject({
      status: "valid",
      facts: {
        holderName: null,
        emailMatches: true,
        title: "Gender and peacebuilding: the basics",
      },
    });
    // The page shows what the file says and nothing more about her.
    const shown = JSON.stringify(outcome.data);
    for (const secret of ["Nadia", "credential.holder@example.org", "woman", '"AF"']) {
      expect(shown).not.toContain(secret);
    }
    const svg = await (await download("format=svg")).text();
    expect((await upload(new Blob([svg]), "badge.svg")).data.check?.status).toBe("valid");
  });

  it("says not genuine for a changed file, and names the field for a missing or oversized one", async () => {
    const json = await (await download("format=json")).text();
    const tampered = json.replace("Gender and peacebuilding", "Gender and peacekeeping");
    expect((await upload(new Blob([tampered]), "credential.json")).data.check?.status).toBe(
      "invalid-proof",
    );
    expect((await upload(new Blob(["hello"]), "notes.txt")).data.check?.status).toBe("unreadable");
    const empty = await upload(new Blob([]), "empty.json");
    expect(empty.status).toBe(400);
    expect(empty.data.errors.credential).toBe("credentials:errors.fileRequired");
    // Over the body limit: the form parser answers 413 before reading on.
    const huge = await upload(new Blob(["x".repeat(200 * 1024)]), "big.json");
    expect(huge.status).toBe(413);
  });
});

describe("revoking", () => {
  it("lets an admin revoke with a reason; /verify and the status list then say revoked", async () => {
    const json = await (await download("format=json")).text();
    const denied = (await callRoute(
      revokeAction,
      formPost("/admin/credentials", { code: CODE, reason: "Issued in error" }, holder.cookie),
    )) as Response;
    expect(denied.status).toBe(403);
    const missing = (await callRoute(
      revokeAction,
      formPost("/admin/credentials", { code: CODE, reason: "" }, admin.cookie),
    )) as { status: number };
    expect(missing.status).toBe(400);
    const revoked = (await callRoute(
      revokeAction,
      formPost("/admin/credentials", { code: CODE, reason: "Issued in error" }, admin.cookie),
    )) as { status: number; data: { outcome: string } };
    expect(revoked).toMatchObject({ status: 200, data: { outcome: "revoked" } });
    expect((await upload(new Blob([json]), "credential.json")).data.check?.status).toBe("revoked");

    const list = (await callRoute(statusLoader, pageGet("/credentials/status/1"), {
      params: { listId: "1" },
    })) as Response;
    expect(list.status).toBe(200);
    const published = JSON.parse(await list.text());
    expect(published.type).toContain("BitstringStatusListCredential");
    expect(published.credentialSubject.encodedList).toMatch(/^u/);
    const page = (await callRoute(adminLoader, pageGet("/admin/credentials", admin.token))) as {
      data: { revocations: Array<{ code: string; reason: string }> };
    };
    expect(page.data.revocations).toEqual([
      expect.objectContaining({ code: CODE, reason: "Issued in error" }),
    ]);
  });

  it("publishes the issuer's DID document with its keys", async () => {
    const response = (await callRoute(
      didLoader,
      pageGet("/credentials/issuer/did.json"),
    )) as Response;
    const document = JSON.parse(await response.text());
    expect(document.id).toBe("did:web:peacelearn.test:credentials:issuer");
    expect(document.assertionMethod).toHaveLength(document.verificationMethod.length);
  });
});
