// Issue 17: credentials as an outsider's tools see them — the official 1EdTech JSON Schema, the
// library's verifier offline, tampering, expiry, revocation, the wrong issuer, a restart and a
// key rotation.
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdtemp, readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { generate } from "@digitalbazaar/ed25519-multikey";
import { eraseUser, seedDemo } from "@peacelearn/db";
import Ajv2019 from "ajv/dist/2019";
import addFormats from "ajv-formats";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { useTestDatabase } from "~/test/database";
import { signIn } from "~/test/sign-in.server";
import { bakeSvg, readCredentialFile } from "./baking";
import {
  ownOpenBadge,
  publishedStatusList,
  revokeCertificateCredential,
} from "./credentials.server";
import { loadSigningSeed } from "./keys.server";
import { openBadgeCredential, signCredential } from "./open-badge.server";
import { checkOpenBadge } from "./verify.server";

const ORIGIN = "https://learn.example.org";
// The official schema, copied unchanged into the repository (tooling/standards/README.md) so a
// clone anywhere validates offline; the workplace's reference copy, where present, must match it.
const SCHEMA = fileURLToPath(
  new URL(
    "../../../../../tooling/standards/open-badges-3.0/achievementcredential.json",
    import.meta.url,
  ),
);
const REFERENCE_SCHEMA = fileURLToPath(
  new URL(
    "../../../../../../shared/standards/open-badges-3.0/achievementcredential.json",
    import.meta.url,
  ),
);

let course = { id: "", key: "demo-gender-and-peacebuilding-basics" };
let holder = { id: "", email: "amani.k@example.org" };
const getDb = useTestDatabase(async (db) => {
  await seedDemo(db, { now: new Date("2026-11-27T10:00:00Z") });
  course = await db.course.findUniqueOrThrow({
    where: { key: course.key },
    select: { id: true, key: true },
  });
  const person = await signIn(db, {
    email: holder.email,
    name: "Amani Kabila",
    gender: "woman",
    locationCode: "CD",
    organisation: "Women's Peace Network",
  });
  holder = { ...holder, id: person.id };
  await db.certificate.create({
    data: {
      userId: person.id,
      courseId: course.id,
      verificationCode: "7Q4M-XR2K-93HD",
      issuedAt: new Date("2026-03-08T09:00:00Z"),
    },
  });
});

let validate: (data: unknown) => boolean;
let schemaErrors: () => unknown;
beforeAll(async () => {
  const ajv = new Ajv2019({ strict: false, allErrors: true });
  addFormats(ajv);
  const compiled = ajv.compile(JSON.parse(await readFile(SCHEMA, "utf8")));
  validate = (data) => compiled(data);
  schemaErrors = () => compiled.errors;
});

afterEach(() => {
  vi.unstubAllGlobals();
});

const download = (options: { title: "course" | "neutral"; showName: boolean }, locale = "en") =>
  ownOpenBadge(getDb(), {
    userId: holder.id,
    courseKey: course.key,
    locale,
    origin: ORIGIN,
    options: { format: "json", ...options },
  }) as Promise<Record<string, unknown>>;

const check = (credential: unknown, extra: { email?: string; origin?: string } = {}) =>
  checkOpenBadge(credential, {
    origin: extra.origin ?? ORIGIN,
    email: extra.email,
    statusList: () => publishedStatusList(getDb(), { origin: ORIGIN }),
  });

describe("issuing", () => {
  it("validates against the official schema, unchanged from the workplace's reference copy", async () => {
    const vendored = await readFile(SCHEMA, "utf8");
    expect(JSON.parse(vendored).$id).toBe(
      "https://purl.imsglobal.org/spec/ob/v3p0/schema/json/ob_v3p0_achievementcredential-jsonschema1.json",
    );
    // A clone outside the workplace has no reference copy next to it; the vendored one stands.
    if (existsSync(REFERENCE_SCHEMA))
      expect(vendored).toBe(await readFile(REFERENCE_SCHEMA, "utf8"));
  });

  it("issues an OpenBadgeCredential that the official JSON Schema accepts, with the proof as an array", async () => {
    const credential = await download({ title: "course", showName: false });
    const valid = validate(credential);
    expect(schemaErrors()).toBeNull();
    expect(valid).toBe(true);
    expect(credential.type).toEqual(["VerifiableCredential", "OpenBadgeCredential"]);
    const [proof] = credential.proof as Array<Record<string, unknown>>;
    expect(proof).toMatchObject({ type: "DataIntegrityProof", cryptosuite: "eddsa-rdfc-2022" });
    // The schema's own trap (1EdTech issue #473): a single proof object fails it.
    expect(validate({ ...credential, proof: (credential.proof as unknown[])[0] })).toBe(false);
    expect(credential.issuer).toMatchObject({
      id: "did:web:learn.example.org:credentials:issuer",
    });
  });

  it("identifies her by a salted hash of her e-mail only: no name, gender, place or organisation", async () => {
    const credential = await download({ title: "course", showName: false });
    const text = JSON.stringify(credential);
    for (const secret of ["Amani", "Kabila", holder.email, "woman", '"CD"', "Peace Network"]) {
      expect(text).not.toContain(secret);
    }
    const subject = credential.credentialSubject as { identifier: Array<Record<string, unknown>> };
    expect(subject.identifier).toHaveLength(1);
    expect(subject.identifier[0]).toMatchObject({
      type: "IdentityObject",
      identityType: "emailAddress",
      hashed: true,
    });
    const outcome = await check(credential, { email: "Amani.K@example.org" });
    expect(outcome).toMatchObject({
      status: "valid",
      facts: { holderName: null, emailMatches: true },
    });
    expect(await check(credential, { email: "someone@example.org" })).toMatchObject({
      facts: { emailMatches: false },
    });
  });

  it("puts her name in only when she asks, and a neutral title when she chooses it", async () => {
    const named = await download({ title: "course", showName: true });
    expect(validate(named)).toBe(true);
    expect(await check(named)).toMatchObject({
      status: "valid",
      facts: { holderName: "Amani Kabila", title: "Gender and peacebuilding: the basics" },
    });
    const neutral = await download({ title: "neutral", showName: false }, "fr");
    expect(validate(neutral)).toBe(true);
    const text = JSON.stringify(neutral);
    expect(text).not.toMatch(/gender|peacebuilding|genre|paix/i);
    expect(await check(neutral)).toMatchObject({
      status: "valid",
      facts: { title: "Formation professionnelle continue" },
    });
  });
});

describe("verifying", () => {
  it("verifies offline: with every network fetch refused, the proof and the status list still check", async () => {
    const credential = await download({ title: "course", showName: false });
    const fetchSpy = vi.fn(() => Promise.reject(new Error("network is off in this test")));
    vi.stubGlobal("fetch", fetchSpy);
    expect((await check(credential)).status).toBe("valid");
    // A context we do not bundle is refused, not fetched.
    const foreign = {
      ...credential,
      "@context": [...(credential["@context"] as string[]), "https://example.org/terms.json"],
    };
    expect((await check(foreign)).status).toBe("invalid-proof");
    expect(fetchSpy).not.toHaveBeenCalled();
  });

  it("fails once any part of the credential changes", async () => {
    const credential = await download({ title: "neutral", showName: false });
    const renamed = structuredClone(credential) as {
      credentialSubject: { achievement: { name: string } };
    };
    renamed.credentialSubject.achievement.name = "Professional development course!";
    expect((await check(renamed)).status).toBe("invalid-proof");
    const redated = { ...credential, validFrom: "2026-03-09T09:00:00.000Z" };
    expect((await check(redated)).status).toBe("invalid-proof");
    // One byte of the signature itself.
    const proofs = structuredClone(credential.proof) as Array<{ proofValue: string }>;
    const first = proofs[0] as { proofValue: string };
    const last = first.proofValue.at(-1) === "A" ? "B" : "A";
    first.proofValue = `${first.proofValue.slice(0, -1)}${last}`;
    expect((await check({ ...credential, proof: proofs })).status).toBe("invalid-proof");
  });

  it("fails when any single text value of it changes, proof included", async () => {
    const credential = await download({ title: "neutral", showName: false });
    // Every string leaf, by its path: each gets its last character changed, one at a time.
    const leaves: Array<Array<string | number>> = [];
    const walk = (value: unknown, path: Array<string | number>) => {
      if (typeof value === "string") leaves.push(path);
      else if (Array.isArray(value))
        for (const [i, item] of value.entries()) walk(item, [...path, i]);
      else if (value && typeof value === "object")
        for (const [key, item] of Object.entries(value)) walk(item, [...path, key]);
    };
    walk(credential, []);
    // The control: unchanged, it verifies, so "not valid" below can fail.
    expect((await check(credential)).status).toBe("valid");
    // The credential's own text: its id, type, context, issuer, subject and proof all count.
    expect(leaves.length).toBeGreaterThan(20);
    const accepted: string[] = [];
    for (const path of leaves) {
      const changed = structuredClone(credential) as Record<string | number, unknown>;
      let holder = changed;
      for (const key of path.slice(0, -1)) holder = holder[key] as Record<string | number, unknown>;
      const last = path.at(-1) as string | number;
      const text = holder[last] as string;
      holder[last] = `${text.slice(0, -1)}${text.at(-1) === "x" ? "y" : "x"}`;
      if ((await check(changed)).status === "valid") accepted.push(path.join("."));
    }
    expect(accepted).toEqual([]);
  });

  it("refuses a credential signed by another key or naming another issuer", async () => {
    const credential = await download({ title: "course", showName: false });
    expect((await check(credential, { origin: "https://other.example.org" })).status).toBe(
      "wrong-issuer",
    );
    const forged = await signCredential(
      openBadgeCredential({
        origin: ORIGIN,
        issuerName: "Peacelearn",
        achievementKey: "forged",
        title: "Forged",
        description: "Forged",
        criteria: "None",
        language: "en",
        awardedAt: new Date("2026-01-01T00:00:00Z"),
        email: "x@example.org",
        holderName: null,
        statusIndex: 1,
      }),
      { origin: ORIGIN, seed: randomBytes(32) },
    );
    expect((await check(forged)).status).toBe("invalid-proof");
  });

  it("says expired once the credential's validUntil has passed", async () => {
    const expiring = await signCredential(
      openBadgeCredential({
        origin: ORIGIN,
        issuerName: "Peacelearn",
        achievementKey: "short",
        title: "Short course",
        description: "A short course.",
        criteria: "Attend.",
        language: "en",
        awardedAt: new Date("2025-01-01T00:00:00Z"),
        validUntil: new Date("2026-01-01T00:00:00Z"),
        email: "x@example.org",
        holderName: null,
        statusIndex: 2,
      }),
      { origin: ORIGIN },
    );
    expect(validate(expiring)).toBe(true);
    expect((await check(expiring)).status).toBe("expired");
  });

  it("reads a credential baked into an SVG badge", async () => {
    const credential = await download({ title: "course", showName: false });
    const svg = bakeSvg(credential, {
      title: "A <b> & ]]> title",
      issuerName: "Peacelearn",
      date: "8 March 2026",
    });
    expect(svg).toContain("<openbadges:credential><![CDATA[");
    expect(readCredentialFile(svg)).toEqual(credential);
    expect((await check(readCredentialFile(svg))).status).toBe("valid");
    expect(readCredentialFile("<svg></svg>")).toBeNull();
  });
});

describe("revoking", () => {
  it("revokes every copy, says so at verification, audits the reason, and erasure revokes hers", async () => {
    const before = await download({ title: "course", showName: false });
    const admin = await signIn(getDb(), { name: "Admin", roles: ["admin"] });
    expect(
      await revokeCertificateCredential(getDb(), {
        code: "7q4m xr2k 93hd",
        reason: "Issued by mistake",
        actorId: admin.id,
      }),
    ).toEqual({ ok: true, alreadyRevoked: false });
    expect((await check(before)).status).toBe("revoked");
    expect((await check(await download({ title: "neutral", showName: false }))).status).toBe(
      "revoked",
    );
    const audit = await getDb().auditEvent.findFirstOrThrow({
      where: { action: "credential.revoked" },
    });
    expect(audit).toMatchObject({ actorId: admin.id, metadata: { reason: "Issued by mistake" } });
    expect(
      await revokeCertificateCredential(getDb(), {
        code: "NOPE-NOPE-NOPE",
        reason: "x",
        actorId: admin.id,
      }),
    ).toEqual({ ok: false, error: "not-found" });

    const other = await signIn(getDb(), {
      email: "erased.holder@example.org",
      name: "To Be Erased",
    });
    await getDb().certificate.create({
      data: { userId: other.id, courseId: course.id, verificationCode: "K8D2-7QXM-4RHP" },
    });
    const hers = (await ownOpenBadge(getDb(), {
      userId: other.id,
      courseKey: course.key,
      locale: "en",
      origin: ORIGIN,
      options: { format: "json", title: "course", showName: false },
    })) as Record<string, unknown>;
    expect((await check(hers)).status).toBe("valid");
    await eraseUser(getDb(), other.id, { actorId: admin.id });
    expect((await check(hers)).status).toBe("revoked");
  });
});

describe("keys", () => {
  it("keeps the generated key across a restart, and verifies old credentials after a rotation", async () => {
    const file = join(await mkdtemp(join(tmpdir(), "credential-key-")), "key.json");
    const first = await loadSigningSeed({ configured: undefined, file });
    const again = await loadSigningSeed({ configured: undefined, file });
    expect(Buffer.from(again).equals(Buffer.from(first))).toBe(true);

    const unsigned = openBadgeCredential({
      origin: ORIGIN,
      issuerName: "Peacelearn",
      achievementKey: "rotation",
      title: "Rotation",
      description: "Before the rotation.",
      criteria: "Done.",
      language: "en",
      awardedAt: new Date("2026-02-01T00:00:00Z"),
      email: "x@example.org",
      holderName: null,
      statusIndex: 3,
    });
    const { credentialStatus: _status, ...withoutStatus } = unsigned;
    const old = await signCredential(withoutStatus, { origin: ORIGIN, seed: first });
    const next = randomBytes(32);
    const retired = (await generate({ seed: first })).publicKeyMultibase;
    const options = { origin: ORIGIN, statusList: () => Promise.reject(new Error("unused")) };
    expect(
      (
        await checkOpenBadge(old, {
          ...options,
          seed: new Uint8Array(next),
          retiredKeys: [retired],
        })
      ).status,
    ).toBe("valid");
    // A key removed from the retired list (it leaked) no longer vouches for anything.
    expect(
      (await checkOpenBadge(old, { ...options, seed: new Uint8Array(next), retiredKeys: [] }))
        .status,
    ).toBe("invalid-proof");
  });
});
