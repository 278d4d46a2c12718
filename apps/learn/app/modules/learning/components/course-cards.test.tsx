import { renderToStaticMarkup } from "react-dom/server";
import { MemoryRouter } from "react-router";
import { describe, expect, it } from "vitest";
import { formatDate } from "~/lib/format";
import { createI18n } from "~/lib/i18n";
import { I18nProvider } from "~/lib/i18n-react";
import type { DashboardCourse } from "../dashboard.server";
import { CompletedCourseCard } from "./course-cards";

const course: DashboardCourse = {
  key: "wps-basics",
  title: { text: "Women, peace and security", lang: "en" },
  source: "self",
  enrolledAt: new Date("2026-09-01T08:00:00Z"),
  progress: { completed: 4, total: 4, percent: 100 },
  completedAt: new Date("2026-11-27T10:00:00Z"),
  hasCertificate: true,
};

const card = (locale: "en" | "fr") =>
  renderToStaticMarkup(
    <MemoryRouter>
      <I18nProvider i18n={createI18n(locale)}>
        <CompletedCourseCard course={course} locale={locale} />
      </I18nProvider>
    </MemoryRouter>,
  );

// One date order per language (issue 11, item 4): the dashboard said "Nov 27, 2026" while the
// certificate of the same course said "27 November 2026".
describe("the dashboard's dates", () => {
  it("read day-month-year in English, like the certificate", () => {
    expect(formatDate(course.completedAt as Date, "en")).toBe("27 November 2026");
    // CLDR en-GB medium date, "d MMM y".
    expect(card("en")).toContain("27 Nov 2026");
    expect(card("en")).not.toContain("Nov 27");
  });

  it("read day-month-year in French", () => {
    // CLDR fr medium date, "d MMM y" with the abbreviated month "nov.".
    expect(card("fr")).toContain("27 nov. 2026");
  });
});
