import { describe, expect, it } from "vitest";
import { discreetCookie } from "~/lib/discreet.server";
import { createCohort, createCourse } from "~/modules/courses/test-fixtures";
import { loader as learningLoader } from "~/routes/learning";
import { loader } from "~/routes/workshops-ics";
import { useTestDatabase } from "~/test/database";
import { callRoute, pageGet } from "~/test/route-call";
import { signIn } from "~/test/sign-in.server";

const getDb = useTestDatabase();

async function setUp() {
  const db = getDb();
  const me = await signIn(db, { name: "ama" });
  const other = await signIn(db, { name: "other" });
  const course = await createCourse(db, { key: `c-${Date.now()}`, modules: [] });
  const mine = await createCohort(db, {
    courseId: course.id,
    region: "west-africa",
    memberIds: [me.id],
  });
  const theirs = await createCohort(db, {
    courseId: course.id,
    region: "south-asia",
    memberIds: [other.id],
  });
  const soon = Date.now() + 7 * 24 * 3600 * 1000;
  const workshop = await db.cohortSession.create({
    data: {
      cohortId: mine.id,
      title: "Listening, then speaking; together",
      startsAt: new Date(Math.floor(soon / 60_000) * 60_000),
      endsAt: new Date(Math.floor(soon / 60_000) * 60_000 + 3 * 3600 * 1000),
      place: "Gulu, Hall 2",
    },
  });
  await db.cohortSession.create({
    data: { cohortId: theirs.id, title: "Not hers", startsAt: new Date(soon) },
  });
  // Long past: not in the file.
  await db.cohortSession.create({
    data: { cohortId: mine.id, title: "Last year", startsAt: new Date("2025-01-10T09:00:00Z") },
  });
  return { me, workshop };
}

describe("her workshops as an .ics file", () => {
  it("asks visitors to sign in", async () => {
    expect(await callRoute(loader, pageGet("/workshops.ics"))).toRedirectTo(
      "/login?redirectTo=%2Fworkshops.ics",
    );
  });

  it("lists her cohorts' workshops only, as RFC 5545 text with a stable UID", async () => {
    const { me, workshop } = await setUp();
    const response = (await callRoute(loader, pageGet("/workshops.ics", me.token))) as Response;
    expect(response.headers.get("Content-Type")).toBe("text/calendar; charset=utf-8");
    expect(response.headers.get("Content-Disposition")).toBe(
      'attachment; filename="workshops.ics"',
    );
    expect(response.headers.get("Cache-Control")).toBe("no-store");
    const ics = await response.text();
    // Every line ends in CRLF; no bare LF.
    expect(ics.endsWith("\r\n")).toBe(true);
    expect(ics.replace(/\r\n/g, "")).not.toMatch(/[\r\n]/);
    const unfolded = ics.replace(/\r\n /g, "");
    expect(unfolded.match(/BEGIN:VEVENT/g)).toHaveLength(1);
    expect(unfolded).toContain(`UID:workshop-${workshop.id}@peacelearn\r\n`);
    expect(unfolded).toMatch(/DTSTAMP:\d{8}T\d{6}Z\r\n/);
    const start = workshop.startsAt.toISOString().slice(0, 19).replace(/[-:]/g, "");
    expect(unfolded).toContain(`DTSTART:${start}\r\n`);
    expect(unfolded).toContain(
      "SUMMARY:Listening\\, then speaking\\; together (Cohort west-africa)",
    );
    expect(unfolded).toContain("LOCATION:Gulu\\, Hall 2");
    expect(unfolded).not.toContain("Not hers");
    expect(unfolded).not.toContain("Last year");

    // The same workshop keeps its UID in a second download.
    const again = await (
      (await callRoute(loader, pageGet("/workshops.ics", me.token))) as Response
    ).text();
    expect(again).toContain(`UID:workshop-${workshop.id}@peacelearn`);

    const page = (await callRoute(learningLoader, pageGet("/learning", me.token))) as {
      data: { workshops: Array<{ id: string }> };
    };
    expect(page.data.workshops.map((w) => w.id)).toEqual([workshop.id]);
  });

  it("says nothing about the subject in discreet mode", async () => {
    const { me } = await setUp();
    const response = (await callRoute(
      loader,
      pageGet("/workshops.ics", me.token, {
        Cookie: `peacelearn_session=${me.token}; ${(await discreetCookie.serialize(true)).split(";")[0]}`,
      }),
    )) as Response;
    expect(response.headers.get("Content-Disposition")).toBe('attachment; filename="calendar.ics"');
    const ics = (await response.text()).replace(/\r\n /g, "");
    expect(ics).toContain("SUMMARY:Meeting\r\n");
    expect(ics).not.toMatch(/Listening|Gulu|Cohort/);
  });
});
