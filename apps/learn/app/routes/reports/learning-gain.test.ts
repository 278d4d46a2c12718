import { seedDemo } from "@peacelearn/db";
import { describe, expect, it } from "vitest";
import { loader as iatiLoader } from "~/routes/reports/iati-json";
import { loader } from "~/routes/reports/learning-gain";
import { useTestDatabase } from "~/test/database";
import { callRoute, pageGet } from "~/test/route-call";
import { signIn } from "~/test/sign-in.server";

const getDb = useTestDatabase((db) => seedDemo(db, { now: new Date() }));

type Report = { status: number; data: Awaited<ReturnType<typeof loader>> };

describe("/reports/learning-gain", () => {
  it("is for programme staff only", async () => {
    const { token } = await signIn(getDb(), { email: "trainee-gain@example.org" });
    expect(await callRoute(loader, pageGet("/reports/learning-gain", token))).toHaveStatus(403);
  });

  it("shows the demo course's gain and reaction, protected: means only beside shown counts", async () => {
    const { token } = await signIn(getDb(), { email: "staff-gain@example.org", roles: ["staff"] });
    const report = (await callRoute(
      loader,
      pageGet("/reports/learning-gain?cut=total", token),
    )) as Report;
    expect(report.status).toBe(200);
    const { gain, reaction } = report.data;
    expect(gain?.total.n).toBeGreaterThanOrEqual(6);
    expect(gain?.total.post).toBeGreaterThan(gain?.total.pre ?? 100);
    expect(reaction?.total.usefulness).toBeGreaterThanOrEqual(1);
    const bySex = (await callRoute(
      loader,
      pageGet("/reports/learning-gain?cut=sexAge", token),
    )) as Report;
    const cells = bySex.data.gain?.cells ?? [];
    expect(cells.some((cell) => cell.n === null)).toBe(true);
    for (const cell of cells) {
      if (cell.n === null || cell.n === 0) expect(cell.pre).toBeNull();
      else expect(cell.n).toBeGreaterThanOrEqual(6);
    }
    // A cohort: its total and by sex, from the same family.
    const cohort = report.data.cohorts[0];
    const ofCohort = (await callRoute(
      loader,
      pageGet(`/reports/learning-gain?cohort=${cohort?.id}&cut=total`, token),
    )) as Report;
    expect(ofCohort.data.query.cohort).toBe(cohort?.id);
    expect(ofCohort.data.gain?.total.n ?? 0).toBeLessThan(gain?.total.n ?? 0);
  });

  it("falls back to defaults for an unknown course, cohort or cut (never a 5xx)", async () => {
    const { token } = await signIn(getDb(), { email: "staff-odd@example.org", roles: ["staff"] });
    const report = (await callRoute(
      loader,
      pageGet("/reports/learning-gain?course=nope&cohort=nope&cut=%00", token),
    )) as Report;
    expect(report.status).toBe(200);
    expect(report.data.query).toMatchObject({ cut: "sex", cohort: undefined });
  });

  it("exports the gain to IATI: pre-test mean as baseline, post-test mean as actual, withheld without a value", async () => {
    const { token } = await signIn(getDb(), { email: "staff-iati@example.org", roles: ["staff"] });
    const page = (await callRoute(
      loader,
      pageGet("/reports/learning-gain?cut=total", token),
    )) as Report;
    const response = (await callRoute(
      iatiLoader,
      pageGet("/reports/iati.json", token),
    )) as Response;
    const body = (await response.json()) as {
      result: Array<{
        type: number;
        title: { narrative: Array<{ text: string }> };
        indicator: Array<{
          measure: number;
          baseline: Array<{
            year: number;
            value?: string;
            dimension: unknown[];
            comment?: unknown;
          }>;
          period: Array<{
            actual: Array<{ value?: string; dimension: unknown[]; comment?: unknown }>;
          }>;
        }>;
      }>;
    };
    const gain = body.result.find((result) => result.type === 2);
    expect(gain?.title.narrative[0]?.text).toMatch(/^Knowledge gained in the course/);
    const indicator = gain?.indicator[0];
    expect(indicator?.measure).toBe(2);
    const total = (figures: Array<{ value?: string; dimension: unknown[] }> = []) =>
      figures.find((figure) => figure.dimension.length === 0)?.value;
    // The same protected figures as the page's total.
    expect(total(indicator?.baseline)).toBe(String(page.data.gain?.total.pre));
    expect(total(indicator?.period[0]?.actual)).toBe(String(page.data.gain?.total.post));
    const withheld = indicator?.baseline.filter((figure) => figure.value === undefined) ?? [];
    expect(withheld.length).toBeGreaterThan(0);
    for (const figure of withheld) expect(figure.comment).toBeDefined();
    expect(indicator?.baseline.length).toBe(indicator?.period[0]?.actual.length);
  });
});
