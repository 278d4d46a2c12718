// Malformed input, property-based: every form action and every loader of app/routes.ts is sent
// bodies and query strings no page of ours would send — wrong content types, huge, NUL-bearing
// and control-character strings, duplicated, deep and badly formed names, huge array indices,
// oversized bodies, too many fields — as an actor the route lets in, on a real database. Each
// answer must be a 2xx–4xx (never a 5xx, never a thrown error) and come back within a bounded
// time; an action's must also have written nothing: every table but the session and rate-limit ones carries a trigger that
// counts row changes, and the count must not move.
import { type Db, seedDemo } from "@peacelearn/db";
import { createTestDb } from "@peacelearn/db/testing";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { provideTestDatabase } from "~/lib/db.server";
import { DEFAULT_FORM_LIMITS } from "~/lib/form.server";
import {
  type Actor,
  buildMatrixFixture,
  type MatrixFixture,
} from "./permission-matrix-fixtures.server";
import { ROUTE_CASES, ROUTE_MODULES, type RouteCase } from "./permission-matrix-routes.server";
import { callRoute, TEST_ORIGIN } from "./route-call";

/** Tables that a refused request may still touch: the session's sliding expiry, rate limits. */
const MAY_CHANGE = new Set(["Session", "RateLimitBucket", "_malformed_writes"]);

/** The slowest answer allowed for one malformed request (generous: 2 cores, shared). */
const MAX_MS = 3_000;
const RUNS_PER_ACTION = Number(process.env.MALFORMED_RUNS ?? 120);
const RUNS_PER_LOADER = Math.ceil(RUNS_PER_ACTION / 3);

/**
 * Each form action, the matrix case it is called as (params, URL), an actor who gets past its
 * guard, and the names its real form posts — the generator mutates those, so malformations reach
 * the real schema rather than only unknown fields.
 */
type ActionTarget = {
  label: keyof typeof ROUTE_CASES;
  actor: Actor;
  fields: (f: MatrixFixture) => string[];
  /** Overrides of the matrix case: an address where a valid post would really write. */
  url?: RouteCase["url"];
  params?: RouteCase["params"];
};
const ACTION_TARGETS: Record<string, ActionTarget> = {
  "routes/locale.ts": {
    label: "POST /locale",
    actor: "trainee",
    fields: () => ["locale", "redirectTo"],
  },
  "routes/login.tsx": {
    label: "POST /login {}",
    actor: "anonymous",
    fields: () => ["email", "password", "sharedDevice", "redirectTo"],
  },
  "routes/recover.tsx": {
    label: "POST /recover {}",
    actor: "anonymous",
    fields: () => ["email", "code", "newPassword", "confirmPassword"],
  },
  "routes/signup.tsx": {
    label: "POST /signup {}",
    actor: "anonymous",
    fields: () => [
      "email",
      "displayName",
      "password",
      "confirmPassword",
      "gender",
      "birthYear",
      "locationCode",
      "organisation",
      "redirectTo",
    ],
  },
  "routes/logout.ts": { label: "POST /logout", actor: "trainee", fields: () => ["scope"] },
  // The quick-exit form posts no field: whatever is sent is unknown to it.
  "routes/exit.ts": { label: "POST /exit", actor: "trainee", fields: () => ["intent"] },
  "routes/account/profile.tsx": {
    label: "POST /account/profile {}",
    actor: "trainee",
    fields: () => [
      "displayName",
      "preferredLocale",
      "gender",
      "birthYear",
      "locationCode",
      "organisation",
    ],
  },
  "routes/account/security.tsx": {
    label: "POST /account/security {}",
    actor: "trainee",
    fields: () => ["intent", "currentPassword", "newPassword", "confirmPassword"],
  },
  "routes/courses/course.tsx": {
    label: "POST /courses/:course {}",
    actor: "otherTrainee",
    fields: () => ["intent"],
  },
  "routes/courses/lessons/lesson.tsx": {
    label: "POST /courses/:course/lessons/:lesson {}",
    actor: "otherTrainee",
    fields: () => ["intent"],
  },
  "routes/courses/modules/check.tsx": {
    label: "POST …/modules/:module/check {}",
    actor: "otherTrainee",
    fields: () => ["token", "answer-q1", "answer-q2", "answer-q3"],
  },
  "routes/courses/modules/feedback.tsx": {
    label: "POST …/modules/:module/feedback {}",
    actor: "otherTrainee",
    fields: () => ["usefulness", "confidence"],
  },
  "routes/courses/tests/test.tsx": {
    label: "POST /courses/:course/tests/pre {}",
    actor: "otherTrainee",
    // The demo course's pre-test, either form (the actor's form depends on her roster place).
    fields: () => [
      "token",
      "answer-a-where-the-ask-goes",
      "answer-a-1325-year",
      "answer-a-check-in",
      "answer-b-power-map-axes",
      "answer-b-presence",
      "answer-b-sourced-evidence",
    ],
  },
  "routes/learning.tsx": {
    label: "POST /learning {}",
    actor: "trainee",
    fields: () => ["intent", "invitationId"],
  },
  "routes/preferences/discreet.ts": {
    label: "POST /preferences/discreet",
    actor: "trainee",
    fields: () => ["discreet", "redirectTo"],
  },
  "routes/follow-ups.tsx": {
    label: "POST /follow-ups {doneFollowUpOfTraineeA}",
    actor: "trainee",
    fields: () => ["followUpId"],
  },
  "routes/trainer/accompaniment/new.tsx": {
    label: "POST /trainer/accompaniment/new {traineeA, complete}",
    actor: "trainer",
    fields: () => [
      "intent",
      "traineeId",
      "occurredOn",
      "mode",
      "durationMinutes",
      "activityType",
      "topics",
      "notes",
      "isSensitive",
      "followUps[0].description",
      "followUps[0].owner",
      "followUps[0].dueOn",
      "followUps[0].status",
    ],
  },
  "routes/trainer/accompaniment/session.tsx": {
    label: "POST /trainer/accompaniment/:sessionOfA {done→done}",
    actor: "trainer",
    fields: () => ["followUpId", "status"],
  },
  "routes/trainer/cohorts/new.tsx": {
    label: "POST /trainer/cohorts/new {}",
    actor: "trainer",
    fields: () => [
      "name",
      "courseId",
      "locationCode",
      "startsOn",
      "endsOn",
      "activityType",
      "dacSectorCode",
      "dacGenderMarker",
      "language",
    ],
  },
  "routes/trainer/cohorts/members/index.tsx": {
    label: "POST /trainer/cohorts/:A/members {add, empty}",
    actor: "trainer",
    fields: () => ["intent", "email", "maxUses", "expiresInDays", "inviteId", "invitationId"],
  },
  "routes/trainer/cohorts/members/import.tsx": {
    label: "POST /trainer/cohorts/:A/members/import {no file}",
    actor: "trainer",
    fields: () => ["file"],
  },
  "routes/trainer/cohorts/trainees/trainee.tsx": {
    label: "POST /trainer/cohorts/:A/trainees/:traineeA {}",
    actor: "trainer",
    fields: () => ["intent"],
  },
  "routes/trainer/cohorts/sessions/index.tsx": {
    label: "POST /trainer/cohorts/:A/sessions {}",
    actor: "trainer",
    fields: () => ["title", "startsAt", "endsAt", "place"],
  },
  "routes/trainer/cohorts/sessions/session.tsx": {
    label: "POST /trainer/cohorts/:A/sessions/:workshopA {bad status}",
    actor: "trainer",
    fields: (f) => ["intent", `status.${f.traineeA}`],
  },
  // The kit's push: one field holding JSON; random text there must be a 4xx naming the field.
  "routes/trainer/kit/commands.ts": {
    label: "POST /trainer/kit/:workshopA/commands {no batch}",
    actor: "trainer",
    fields: () => ["batch"],
  },
  "routes/trainer/cohorts/sessions/edit.tsx": {
    label: "POST /trainer/cohorts/:A/sessions/:workshopA/edit {}",
    actor: "trainer",
    fields: () => ["title", "startsAt", "endsAt", "place"],
  },
  "routes/join/token.tsx": {
    label: "POST /join/:revokedTokenOfA",
    actor: "otherTrainee",
    fields: () => ["intent"],
    // The live link, which a valid post would redeem: a malformed one must not.
    url: (f) => `/join/${f.liveInviteTokenA}`,
    params: (f) => ({ token: f.liveInviteTokenA }),
  },
  "routes/admin/users/user.tsx": {
    label: "POST /admin/users/:traineeA {}",
    actor: "admin",
    fields: () => ["roles"],
  },
  "routes/admin/users/erase.tsx": {
    label: "POST /admin/users/:traineeA/erase {}",
    actor: "admin",
    fields: () => ["confirmEmail"],
  },
  "routes/admin/users/new.tsx": {
    label: "POST /admin/users/new {}",
    actor: "admin",
    fields: () => ["displayName", "email", "role", "preferredLocale", "cohortId"],
  },
  "routes/verify/index.tsx": {
    label: "POST /verify {no file}",
    actor: "anonymous",
    fields: () => ["credential", "email"],
  },
  "routes/admin/credentials.tsx": {
    label: "POST /admin/credentials {}",
    actor: "admin",
    fields: () => ["code", "reason"],
  },
  "routes/action-plans/new.tsx": {
    label: "POST /action-plans/new {}",
    actor: "trainee",
    fields: () => [
      "intent",
      "change",
      "target",
      "level",
      "napObjectiveIds",
      "resolutions",
      "moduleIds",
      "steps[0].description",
      "steps[0].dueOn",
    ],
  },
  "routes/action-plans/plan.tsx": {
    label: "POST /action-plans/:planOfA {step, no follow-up}",
    actor: "trainer",
    fields: () => ["stepId", "followUpId"],
  },
  "routes/not-found.tsx": { label: "POST /no-such-page", actor: "trainee", fields: () => ["x"] },
};

/** Loaders are called as the actor who sees the most of them. */
const LOADER_ACTOR: Array<[RegExp, Actor]> = [
  [/^routes\/admin\//, "admin"],
  [/^routes\/reports\//, "staff"],
  [/^routes\/(trainer|accompaniment)\//, "trainer"],
  [/^routes\/auth\/(login|signup)/, "anonymous"],
  [/./, "trainee"],
];

// ——— generators ———

const controlCharacter = fc.constantFrom(
  "\u0000",
  "\u0001",
  "\u0008",
  "\u000b",
  "\u001b",
  "\u007f",
);
/** Text a person would not type: control characters, lone surrogates, huge runs, odd Unicode. */
const nastyString = fc.oneof(
  fc.string({ unit: "binary", maxLength: 40 }),
  fc.string({ unit: "grapheme", maxLength: 40 }),
  fc
    .tuple(fc.string({ maxLength: 10 }), controlCharacter, fc.string({ maxLength: 10 }))
    .map((p) => p.join("")),
  fc.constantFrom(
    "\ud800",
    "\udfff",
    "%",
    "%00",
    "%zz",
    "&",
    "=",
    "\r\n",
    "../../etc/passwd",
    "'; --",
  ),
  fc.nat({ max: 20_000 }).map((n) => "a".repeat(n)),
  fc.constantFrom("-1", "1e309", "NaN", "99999999999999999999", "2026-02-30", "2026-13-01T25:61"),
);
const hugeIndex = fc.oneof(
  fc.integer({ min: DEFAULT_FORM_LIMITS.maxIndex + 1, max: 2 ** 31 }),
  fc.constantFrom(30_000_000, 10_000_000, 999_999, 100_000),
);

/** A field name that must be refused: huge index, too deep, badly formed, too long. */
const badName = (names: string[]) =>
  fc.oneof(
    fc
      .tuple(fc.constantFrom(...names, "x", "roles", "followUps"), hugeIndex)
      .map(([n, i]) => `${n}[${i}]`),
    fc
      .tuple(fc.constantFrom(...names), hugeIndex)
      .map(([n, i]) => `${n.split(/[.[]/)[0]}[${i}].description`),
    fc
      .integer({ min: DEFAULT_FORM_LIMITS.maxDepth + 1, max: 60 })
      .map((d) => Array(d).fill("a").join(".")),
    fc.integer({ min: DEFAULT_FORM_LIMITS.maxDepth, max: 60 }).map((d) => `a${"[0]".repeat(d)}`),
    fc.constantFrom(
      "a..b",
      "a.",
      ".a",
      "[0]",
      "a[]",
      "a[-1]",
      "a[0",
      "a b",
      "a\u0000b",
      "__proto__[x]]",
      "é",
    ),
    fc.nat({ max: 2_000 }).map((n) => "n".repeat(DEFAULT_FORM_LIMITS.maxNameLength + 1 + n)),
  );

type Body = { type: string; body: string | Uint8Array | FormData; label: string };

// URLSearchParams, not encodeURIComponent: it writes lone surrogates as U+FFFD instead of throwing.
const encode = (pairs: Array<[string, string]>) => new URLSearchParams(pairs).toString();
const URLENCODED = "application/x-www-form-urlencoded";

/**
 * A malformed body for a form with `names`: random values for the real fields, duplicated keys,
 * plus at least one malformation that no valid submission has — so nothing may be written.
 */
function malformedBody(names: string[], multipart: boolean): fc.Arbitrary<Body> {
  const value = fc.oneof(fc.string({ maxLength: 30 }), nastyString);
  const realPairs = fc.array(fc.tuple(fc.constantFrom(...names), value), { maxLength: 12 });
  const withControl = fc
    .tuple(fc.constantFrom(...names), fc.string({ maxLength: 8 }), controlCharacter)
    .map(([name, text, c]): [string, string] => [name, `${text}${c}${text}`]);

  const malformation = fc.oneof(
    // Not a form at all.
    fc
      .tuple(
        fc.constantFrom(
          "application/json",
          "text/plain",
          "application/xml",
          "application/octet-stream",
          "text/html; charset=utf-8",
          "application/x-www-form-urlencodedx",
          ...(multipart ? [] : ["multipart/form-data; boundary=xyz"]),
        ),
        realPairs,
      )
      .map(([type, pairs]) => ({
        type,
        body: JSON.stringify(Object.fromEntries(pairs)),
        label: `type ${type}`,
      })),
    // A control character in a real field (NUL reached PostgreSQL and answered 500).
    fc.tuple(realPairs, withControl).map(([pairs, bad]) => ({
      type: URLENCODED,
      body: encode([...pairs, bad]),
      label: `control character in ${bad[0]}`,
    })),
    // A name the form library must not expand.
    fc.tuple(realPairs, badName(names), value).map(([pairs, name, v]) => ({
      type: URLENCODED,
      body: encode([...pairs, [name, v]]),
      label: `bad name ${name.slice(0, 40)}`,
    })),
    // Over the body limit, in one value.
    fc
      .tuple(realPairs, fc.integer({ min: 1, max: 4 * DEFAULT_FORM_LIMITS.maxBytes }))
      .map(([pairs, extra]) => ({
        type: URLENCODED,
        body: encode([
          ...pairs,
          [names[0] ?? "x", "z".repeat(DEFAULT_FORM_LIMITS.maxBytes + extra)],
        ]),
        label: "oversized body",
      })),
    // Too many fields, duplicated real names among them.
    fc.integer({ min: DEFAULT_FORM_LIMITS.maxFields + 1, max: 5_000 }).map((n) => ({
      type: URLENCODED,
      body: Array.from({ length: n }, (_, i) => `${names[i % names.length]}=${i}`).join("&"),
      label: `${n} fields`,
    })),
    // Bytes that are not UTF-8 at all, in a real field next to a control character.
    fc.tuple(fc.uint8Array({ minLength: 1, maxLength: 64 }), withControl).map(([bytes, bad]) => {
      const head = new TextEncoder().encode(`${encode([bad])}&${names[0] ?? "x"}=`);
      const body = new Uint8Array(head.length + bytes.length);
      body.set(head);
      body.set(bytes, head.length);
      return { type: URLENCODED, body, label: "binary value" };
    }),
  );
  const cases: Array<fc.Arbitrary<Body>> = [malformation];
  if (multipart) {
    // A multipart body whose framing is broken, or whose file carries NUL bytes.
    cases.push(
      fc.constantFrom(
        {
          type: "multipart/form-data; boundary=xyz",
          body: '--xyz\r\nContent-Disposition: form-data; name="file"\r\n\r\nunterminated',
          label: "broken multipart",
        },
        { type: "multipart/form-data", body: "--\r\n", label: "multipart without boundary" },
      ),
      fc.tuple(fc.string({ maxLength: 20 }), controlCharacter).map(([text, c]) => {
        const form = new FormData();
        form.append(
          "file",
          new File([`email,name\r\na${c}@example.org,${text}${c}`], "roster.csv"),
        );
        form.append(`x[${DEFAULT_FORM_LIMITS.maxIndex + 1}]`, "1");
        return { type: "", body: form, label: "multipart with bad name and NUL file" };
      }),
    );
  }
  return fc.oneof(...cases);
}

/** A malformed query string for a loader: bad names, control characters, huge values. */
const malformedQuery = fc.oneof(
  fc
    .tuple(badName(["q", "page", "trainee", "cohort", "by"]), nastyString)
    .map(([n, v]) => [[n, v]] as Array<[string, string]>),
  fc.array(
    fc.tuple(
      fc.constantFrom(
        "q",
        "page",
        "trainee",
        "cohort",
        "by",
        "from",
        "to",
        "measure",
        "region",
        "kind",
        "attempt",
        "code",
        "action",
        "status",
        "redirectTo",
      ),
      nastyString,
    ),
    { minLength: 1, maxLength: 8 },
  ),
);

// ——— the world ———

let db: Db;
let f: MatrixFixture;
let close: () => Promise<void>;

async function installWriteCounter(database: Db) {
  await database.$executeRawUnsafe(`CREATE TABLE "_malformed_writes" (n bigint NOT NULL)`);
  await database.$executeRawUnsafe(`INSERT INTO "_malformed_writes" VALUES (0)`);
  await database.$executeRawUnsafe(`
    CREATE FUNCTION "_count_malformed_write"() RETURNS trigger LANGUAGE plpgsql AS $fn$
    BEGIN UPDATE "_malformed_writes" SET n = n + 1; RETURN NULL; END $fn$`);
  const tables = await database.$queryRawUnsafe<Array<{ name: string }>>(
    `SELECT table_name::text AS name FROM information_schema.tables
     WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'`,
  );
  const counted = tables
    .map((t) => t.name)
    .filter((name) => !MAY_CHANGE.has(name) && !name.startsWith("_prisma"));
  for (const name of counted) {
    await database.$executeRawUnsafe(
      `CREATE TRIGGER "_malformed_write" AFTER INSERT OR UPDATE OR DELETE ON "${name}"
       FOR EACH ROW EXECUTE FUNCTION "_count_malformed_write"()`,
    );
  }
  return counted;
}

async function writes(): Promise<number> {
  const [row] = await db.$queryRawUnsafe<Array<{ n: bigint }>>(`SELECT n FROM "_malformed_writes"`);
  return Number(row?.n ?? 0);
}

let countedTables: string[] = [];
beforeAll(async () => {
  const test = await createTestDb();
  close = test.close;
  db = test.db;
  provideTestDatabase(db);
  await seedDemo(db);
  f = await buildMatrixFixture(db);
  countedTables = await installWriteCounter(db);
}, 180_000);
afterAll(async () => close?.());

function handlerOf(route: RouteCase): (args: never) => unknown {
  const handler = ROUTE_MODULES[route.file]?.[route.kind];
  if (typeof handler !== "function") throw new Error(`${route.file} has no ${route.kind}`);
  return handler as (args: never) => unknown;
}

/** Sends one request and checks the three promises; returns a description of any breach. */
async function attempt(
  route: RouteCase,
  request: Request,
  label: string,
  { mayWrite = false } = {},
): Promise<string | null> {
  const before = await writes();
  const started = performance.now();
  let status: number;
  try {
    const outcome = await callRoute(handlerOf(route), request, {
      params: route.params?.(f) ?? {},
    });
    status = outcome.status;
  } catch (error) {
    return `${label}: threw ${String(error).slice(0, 200)}`;
  }
  const elapsed = performance.now() - started;
  const written = (await writes()) - before;
  if (status >= 500) return `${label}: answered ${status}`;
  if (elapsed > MAX_MS) return `${label}: took ${Math.round(elapsed)} ms`;
  if (written !== 0 && !mayWrite) return `${label}: wrote ${written} row(s) (status ${status})`;
  return null;
}

async function tokenFor(actor: Actor, fresh: boolean) {
  return fresh ? f.signIn(actor) : f.tokens[actor];
}

describe("malformed input", () => {
  it("covers every action of app/routes.ts", () => {
    const actions = Object.entries(ROUTE_MODULES)
      .filter(([, module]) => typeof module.action === "function")
      .map(([file]) => file);
    expect(actions.sort()).toEqual(Object.keys(ACTION_TARGETS).sort());
    for (const target of Object.values(ACTION_TARGETS))
      expect(ROUTE_CASES[target.label]).toBeDefined();
  });

  it("counts writes in every table that a refused request must leave alone", async () => {
    // The control: a real write moves the counter, so "wrote nothing" below can fail.
    expect(countedTables).toEqual(
      expect.arrayContaining(["User", "AccompanimentSession", "AuditEvent"]),
    );
    const before = await writes();
    await db.user.update({ where: { id: f.traineeA }, data: { organisation: "Counted" } });
    expect((await writes()) - before).toBe(1);
  });

  it.each(Object.entries(ACTION_TARGETS))(
    "%s: never 5xx, bounded, writes nothing",
    async (file, target) => {
      const matrixCase = ROUTE_CASES[target.label] as RouteCase;
      expect(matrixCase.file).toBe(file);
      const route: RouteCase = {
        ...matrixCase,
        url: target.url ?? matrixCase.url,
        params: target.params ?? matrixCase.params,
      };
      const names = target.fields(f);
      const breaches: string[] = [];
      let cases = 0;
      await fc.assert(
        fc.asyncProperty(malformedBody(names, route.multipart === true), async (body) => {
          cases += 1;
          const token = await tokenFor(target.actor, route.freshSession === true);
          const headers: Record<string, string> = { Origin: TEST_ORIGIN };
          if (token) headers.Cookie = `peacelearn_session=${token}`;
          if (body.type) headers["Content-Type"] = body.type;
          const request = new Request(`${TEST_ORIGIN}${route.url(f)}`, {
            method: "POST",
            headers,
            body: body.body as BodyInit,
          });
          const breach = await attempt(route, request, body.label);
          if (breach) breaches.push(breach);
          return breach === null;
        }),
        { numRuns: RUNS_PER_ACTION, endOnFailure: true },
      );
      expect(breaches).toEqual([]);
      expect(cases).toBeGreaterThanOrEqual(RUNS_PER_ACTION);
    },
  );

  const loaderCases = Object.entries(ROUTE_CASES).filter(
    ([label, route]) => route.kind === "loader" && !label.includes("?"),
  );
  it.each(loaderCases)(
    "%s with a malformed query: never 5xx, bounded, writes nothing",
    async (label, route) => {
      const actor = LOADER_ACTOR.find(([pattern]) => pattern.test(route.file))?.[1] ?? "trainee";
      const breaches: string[] = [];
      await fc.assert(
        fc.asyncProperty(malformedQuery, async (pairs) => {
          const token = f.tokens[actor];
          const url = new URL(`${TEST_ORIGIN}${route.url(f)}`);
          for (const [name, value] of pairs) url.searchParams.append(name, value);
          const request = new Request(url, {
            headers: token ? { Cookie: `peacelearn_session=${token}` } : {},
          });
          // A page view may write by design (an audited sensitive-note read, "resume here"), so
          // loaders are held to the status and time only.
          const breach = await attempt(route, request, `${label} ${url.search.slice(0, 80)}`, {
            mayWrite: true,
          });
          if (breach) breaches.push(breach);
          return breach === null;
        }),
        { numRuns: RUNS_PER_LOADER, endOnFailure: true },
      );
      expect(breaches).toEqual([]);
    },
  );
});
