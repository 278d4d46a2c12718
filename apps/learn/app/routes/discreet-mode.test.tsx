import { describe, expect, it } from "vitest";
import { SiteShell } from "~/components/site-shell";
import { discreetCookie } from "~/lib/discreet.server";
import { createCohort, createCourse } from "~/modules/courses/test-fixtures";
import { loader as reportCsvLoader } from "~/routes/reports/export-csv";
import { loader as iatiLoader } from "~/routes/reports/iati-json";
import { loader as cohortExportLoader } from "~/routes/trainer/cohorts/export-csv";
import { useTestDatabase } from "~/test/database";
import { renderPage } from "~/test/render-page";
import { callRoute, pageGet } from "~/test/route-call";
import { signIn } from "~/test/sign-in.server";

// Issue 12, discreet mode: the labels around every page and the names of downloaded files say
// nothing about what the site is for (the rest of the item — neutral URLs and the offline page —
// is still open).

const getDb = useTestDatabase();
/** Words that tell what the site is, in both languages (lower case). */
const TELLING = [
  "peacelearn",
  "quick",
  "discreet",
  "leave this site",
  "rapidement",
  "discret",
  "quitter",
];

/**
 * What a person looking at the phone can read: the text, and the names a screen reader speaks
 * (aria-label, title, alt, placeholder) — not ids or form addresses in the source.
 */
function readable(html: string): string {
  const names = [...html.matchAll(/\s(?:aria-label|title|alt|placeholder)="([^"]*)"/g)].map(
    (match) => match[1],
  );
  return `${html.replace(/<[^>]+>/g, " ")} ${names.join(" ")}`.toLowerCase();
}

function shell(locale: string, discreet: boolean) {
  return readable(
    renderPage(
      <SiteShell locale={locale} user={null} discreet={discreet} quickExit="https://example.org/">
        <p>lesson text</p>
      </SiteShell>,
      locale,
    ),
  );
}

describe("discreet mode", () => {
  it.each(["en", "fr"])("labels the quick exit, the mode and the site neutrally (%s)", (locale) => {
    const plain = shell(locale, false);
    // The control: without discreet mode the words are there to be found.
    expect(TELLING.filter((word) => plain.includes(word)).length).toBeGreaterThan(2);
    const discreet = shell(locale, true);
    expect(TELLING.filter((word) => discreet.includes(word))).toEqual([]);
    expect(discreet).toContain("lesson text");
  });

  it("names downloaded files neutrally", async () => {
    const db = getDb();
    const staff = await signIn(db, { name: "Officer", roles: ["trainee", "staff"] });
    const trainer = await signIn(db, { name: "Trainer", roles: ["trainee", "trainer"] });
    const course = await createCourse(db, { key: "discreet-export", modules: [] });
    const cohort = await createCohort(db, { courseId: course.id, region: "west-africa" });
    await db.cohortTrainer.create({ data: { cohortId: cohort.id, userId: trainer.id } });
    const discreet = (await discreetCookie.serialize(true)).split(";")[0] as string;
    const fileName = (answer: unknown) =>
      /filename="([^"]+)"/.exec((answer as Response).headers.get("Content-Disposition") ?? "")?.[1];
    const get = (path: string, token: string, on: boolean) =>
      pageGet(path, undefined, {
        Cookie: [`peacelearn_session=${token}`, ...(on ? [discreet] : [])].join("; "),
      });

    const exportPath = `/trainer/cohorts/${cohort.id}/export.csv?kind=roster`;
    const params = { params: { cohortId: cohort.id } };
    expect(
      fileName(await callRoute(cohortExportLoader, get(exportPath, trainer.token, false), params)),
    ).toMatch(/^cohort-cohort-west-africa-roster-/);
    for (const [loader, path, token] of [
      [cohortExportLoader, exportPath, trainer.token],
      [reportCsvLoader, "/reports/export.csv", staff.token],
      [iatiLoader, "/reports/iati.json", staff.token],
    ] as const) {
      const name = fileName(await callRoute(loader, get(path, token, true), params));
      expect(name, path).toMatch(/^notes-[0-9TZ-]+\.(csv|json)$/);
    }
  });
});
