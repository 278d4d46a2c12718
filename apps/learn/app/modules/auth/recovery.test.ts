import { describe, expect, it } from "vitest";
import { useTestDatabase } from "~/test/database";
import { signIn } from "~/test/sign-in.server";
import { verifyPassword } from "./password.server";
import {
  issueRecoveryCode,
  normaliseRecoveryCode,
  RECOVERY_CODE_LIFETIME_MS,
  RECOVERY_LIMITS,
  redeemRecoveryCode,
} from "./recovery.server";
import { validateSessionToken } from "./session.server";

const getDb = useTestDatabase();

const NEW_PASSWORD = "a new sentence she remembers";

async function person(name: string, roles = ["trainee"]) {
  const db = getDb();
  const signedIn = await signIn(db, { name, roles });
  const { email } = await db.user.findUniqueOrThrow({
    where: { id: signedIn.id },
    select: { email: true },
  });
  return { ...signedIn, email };
}

function redeem(
  input: { email: string; code: string; newPassword?: string; now?: Date },
  clientAddress = "198.51.100.7",
) {
  return redeemRecoveryCode(getDb(), {
    newPassword: NEW_PASSWORD,
    clientAddress,
    userAgent: "vitest",
    deviceTokens: [],
    ...input,
  });
}

describe("recovery codes", () => {
  it("are 12 Crockford symbols in three groups, read back whatever the case, dashes or O/I/L", () => {
    expect(normaliseRecoveryCode("7kq2 9xmd-4to8")).toBe("7KQ29XMD4T08");
    expect(normaliseRecoveryCode("I1L1-0000-0000")).toBe("111100000000");
    expect(normaliseRecoveryCode("7KQ2-9XMD-4T0")).toBeNull();
    expect(normaliseRecoveryCode("7KQ2-9XMD-4T0U")).toBeNull();
    expect(normaliseRecoveryCode("")).toBeNull();
  });

  it("let a trainee back in once: new password, every other session ended, audited", async () => {
    const db = getDb();
    const trainer = await person("Trainer", ["trainee", "trainer"]);
    const amina = await person("Amina");
    const issued = await issueRecoveryCode(db, { userId: amina.id, issuerId: trainer.id });
    expect(issued.code).toMatch(
      /^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/,
    );
    // Only the digest is stored.
    const stored = await db.recoveryCode.findMany({ where: { userId: amina.id } });
    expect(stored).toHaveLength(1);
    expect(JSON.stringify(stored)).not.toContain(issued.code.replaceAll("-", ""));

    const outcome = await redeem({ email: amina.email.toUpperCase(), code: issued.code });
    expect(outcome).toMatchObject({ ok: true, userId: amina.id });
    const { passwordHash } = await db.user.findUniqueOrThrow({ where: { id: amina.id } });
    expect(passwordHash && (await verifyPassword(passwordHash, NEW_PASSWORD))).toBe(true);
    // The session she had (on the phone she may have lost) is gone; the new one works.
    expect(await validateSessionToken(db, amina.token)).toBeNull();
    if (!outcome.ok) throw new Error("unreachable");
    expect((await validateSessionToken(db, outcome.token))?.user.id).toBe(amina.id);

    // Used once: the same code again is refused, with the one answer for every failure.
    expect(await redeem({ email: amina.email, code: issued.code })).toEqual({
      ok: false,
      reason: "invalid-code",
    });

    const events = await db.auditEvent.findMany({
      where: { subjectId: amina.id },
      orderBy: { at: "asc" },
      select: { actorId: true, action: true, metadata: true },
    });
    expect(events.map((event) => [event.action, event.actorId])).toEqual([
      ["user.recovery-code.issued", trainer.id],
      ["user.recovery-code.used", amina.id],
    ]);
    expect(events[1]?.metadata).toMatchObject({ issuedById: trainer.id, sessionsEnded: 1 });
    expect(JSON.stringify(events)).not.toContain(issued.code);
  });

  it("answer the same for a wrong e-mail, a wrong code, an expired or a replaced code", async () => {
    const db = getDb();
    const admin = await person("Admin", ["trainee", "admin"]);
    const bea = await person("Bea");
    const other = await person("Other");
    const now = new Date();
    const first = await issueRecoveryCode(db, { userId: bea.id, issuerId: admin.id, now });
    const second = await issueRecoveryCode(db, { userId: bea.id, issuerId: admin.id, now });
    const refused = { ok: false, reason: "invalid-code" };

    // The first code was revoked by the second.
    expect(await redeem({ email: bea.email, code: first.code, now })).toEqual(refused);
    // Bea's code with someone else's address, or an address with no account.
    expect(await redeem({ email: other.email, code: second.code, now })).toEqual(refused);
    expect(await redeem({ email: "nobody@example.org", code: second.code, now })).toEqual(refused);
    // A code of the right shape that was never issued, and one of the wrong shape.
    expect(await redeem({ email: bea.email, code: "0000-0000-0000", now })).toEqual(refused);
    // Expired.
    const late = new Date(now.getTime() + RECOVERY_CODE_LIFETIME_MS + 1);
    expect(await redeem({ email: bea.email, code: second.code, now: late }, "192.0.2.1")).toEqual(
      refused,
    );
    // Nothing changed for her.
    expect(await validateSessionToken(db, bea.token)).not.toBeNull();
  });

  it("work once when two browsers race with the same code", async () => {
    const db = getDb();
    const admin = await person("Admin two", ["trainee", "admin"]);
    const cleo = await person("Cleo");
    const { code } = await issueRecoveryCode(db, { userId: cleo.id, issuerId: admin.id });
    const outcomes = await Promise.all([
      redeem({ email: cleo.email, code }, "198.51.100.8"),
      redeem({ email: cleo.email, code }, "198.51.100.9"),
    ]);
    expect(outcomes.filter((outcome) => outcome.ok)).toHaveLength(1);
    expect(
      await db.auditEvent.count({
        where: { action: "user.recovery-code.used", subjectId: cleo.id },
      }),
    ).toBe(1);
  });

  it("are throttled per e-mail before anything is looked up", async () => {
    const dina = await person("Dina");
    const tries = RECOVERY_LIMITS.account.burst;
    for (let n = 0; n < tries; n += 1) {
      const address = `203.0.113.${n + 1}`;
      expect(await redeem({ email: dina.email, code: "0000-0000-0000" }, address)).toMatchObject({
        reason: "invalid-code",
      });
    }
    const limited = await redeem({ email: dina.email, code: "0000-0000-0000" }, "203.0.113.99");
    expect(limited).toMatchObject({ ok: false, reason: "rate-limited" });
    if (limited.ok || limited.reason !== "rate-limited") throw new Error("unreachable");
    expect(limited.retryAfterSeconds).toBeGreaterThan(0);
  });
});
