import { describe, expect, it } from "vitest";
import { createI18n, supportedLocales } from "~/lib/i18n";
import { AUDIT_ACTIONS, auditActionLabelKey } from "./actions";

describe("audit actions", () => {
  it.each(supportedLocales)("each has a label in %s, never its raw code", (locale) => {
    const t = createI18n(locale).getFixedT(locale, "admin");
    for (const action of AUDIT_ACTIONS) {
      const key = auditActionLabelKey(action);
      expect(t(key, { defaultValue: "" }), `${locale}: ${action}`).not.toBe("");
      expect(t(key)).not.toContain(".");
    }
  });
});
