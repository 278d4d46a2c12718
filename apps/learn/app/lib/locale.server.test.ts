import { locales } from "@peacelearn/domain";
import { describe, expect, it } from "vitest";
import { getLocale, localeCookie } from "./locale.server";

const request = (headers: Record<string, string>) => new Request("http://localhost/", { headers });

describe("getLocale", () => {
  it("resolves the domain's Locale once per request, however many loaders ask", async () => {
    const one = request({ "Accept-Language": "fr-CD, en;q=0.5" });
    expect(getLocale(one)).toBe(getLocale(one));
    expect(await getLocale(one)).toBe("fr");
    expect(getLocale(request({}))).not.toBe(getLocale(one));
  });

  it("prefers the remembered choice and never answers outside the domain's locales", async () => {
    const cookie = await localeCookie.serialize("fr");
    expect(await getLocale(request({ Cookie: cookie, "Accept-Language": "en" }))).toBe("fr");
    const odd = await localeCookie.serialize("sw");
    const locale = await getLocale(request({ Cookie: odd, "Accept-Language": "de, ne" }));
    expect(locales).toContain(locale);
    expect(locale).toBe("en");
  });
});
