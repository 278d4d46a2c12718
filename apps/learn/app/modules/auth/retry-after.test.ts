import { describe, expect, it } from "vitest";
import { createI18n } from "~/lib/i18n";
import { fixedT } from "~/lib/i18n-react";
import { retryAfterText } from "./retry-after";

describe("messages", () => {
  it("are translated in English and French, with a wait in seconds or minutes", () => {
    for (const key of ["auth:errors.passwordChecksLimited", "auth:errors.verifyLimited"]) {
      const en = createI18n("en").t(key);
      const fr = createI18n("fr").t(key);
      expect(en).not.toBe(key);
      expect(fr).not.toBe(key);
      expect(fr).not.toBe(en);
    }
    expect(retryAfterText(fixedT(createI18n("en")), 20)).toBe(
      "For your safety, wait 20 seconds before trying again.",
    );
    expect(retryAfterText(fixedT(createI18n("fr")), 150)).toBe(
      "Pour votre sécurité, attendez 3 minutes avant de réessayer.",
    );
  });
});
