import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { createI18n } from "./i18n";
import { fixedT, I18nProvider, useTranslation } from "./i18n-react";

function Probe({ count }: { count: number }) {
  const { t, i18n } = useTranslation(["auth", "common"]);
  return (
    <p lang={i18n.language}>
      {t("common:nav.courses")}|{t("common:home.regionCountries", { count })}
    </p>
  );
}

describe("useTranslation", () => {
  it("translates in the provider's locale, with options, as i18next does", () => {
    const render = (locale: string, count: number) =>
      renderToStaticMarkup(
        <I18nProvider i18n={createI18n(locale)}>
          <Probe count={count} />
        </I18nProvider>,
      );
    const en = createI18n("en");
    const fr = createI18n("fr");
    expect(render("en", 1)).toBe(
      `<p lang="en">${en.t("common:nav.courses")}|${en.t("common:home.regionCountries", { count: 1 })}</p>`,
    );
    expect(render("en", 3)).toContain(en.t("common:home.regionCountries", { count: 3 }));
    expect(render("fr", 3)).toBe(
      `<p lang="fr">${fr.t("common:nav.courses")}|${fr.t("common:home.regionCountries", { count: 3 })}</p>`,
    );
    expect(fr.t("common:nav.courses")).not.toBe(en.t("common:nav.courses"));
  });

  it("hands out one t per instance and namespace list, remembering results by key and options", () => {
    const en = createI18n("en");
    const t = fixedT(en, "common");
    expect(fixedT(en, "common")).toBe(t);
    expect(fixedT(en, ["common"])).toBe(t);
    expect(fixedT(createI18n("fr"), "common")).not.toBe(t);
    expect(t("nav.courses")).toBe(en.t("common:nav.courses"));
    expect(t("home.regionCountries", { count: 1 })).not.toBe(
      t("home.regionCountries", { count: 2 }),
    );
    // Same options → same result; a string "1" is not the number 1 (no plural form for it).
    expect(t("home.regionCountries", { count: 2 })).toBe(
      en.t("common:home.regionCountries", { count: 2 }),
    );
    expect(t("home.disputedNote", { parent: "Georgia" })).toContain("Georgia");
    expect(t("home.disputedNote", { parent: "Géorgie" })).toContain("Géorgie");
    // Options that are objects are never remembered (and still work).
    expect(t("home.disputedNote", { parent: "X", replace: { parent: "Y" } })).toBe(
      en.t("common:home.disputedNote", { parent: "X", replace: { parent: "Y" } }),
    );
  });

  it("fails loudly outside a provider", () => {
    expect(() => renderToStaticMarkup(<Probe count={1} />)).toThrow(/I18nProvider/);
  });
});
