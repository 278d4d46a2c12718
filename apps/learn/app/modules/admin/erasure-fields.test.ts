import { FREE_TEXT_FIELDS } from "@peacelearn/db";
import { describe, expect, it } from "vitest";
import { createI18n, supportedLocales } from "~/lib/i18n";

// The erasure report names where each held mention sits (components/erasure-report.tsx reads
// `erasure.fields.<Table>_<column>`): a free-text field added to erasure needs its words here.
describe("erasure report field names", () => {
  it.each(supportedLocales)("every free-text field erasure reads has a name in %s", (locale) => {
    const t = createI18n(locale).getFixedT(locale, "admin");
    const missing = FREE_TEXT_FIELDS.map((field) => `${field.table}_${field.column}`).filter(
      (key) => t(`erasure.fields.${key}`, { defaultValue: "" }) === "",
    );
    expect(missing).toEqual([]);
  });
});
