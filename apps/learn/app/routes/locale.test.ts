import { describe, expect, it } from "vitest";
import { localeCookie } from "~/lib/locale.server";
import { action } from "~/routes/locale";
import { callRoute, formPost } from "~/test/route-call";

const switchTo = (redirectTo: string) =>
  callRoute(action, formPost("/locale", { locale: "fr", redirectTo })) as Promise<Response>;

describe("POST /locale", () => {
  it("switches the language and goes back to the page", async () => {
    const response = await switchTo("/courses?region=west-africa");
    expect(response.status).toBe(303);
    expect(response).toRedirectTo("/courses?region=west-africa");
    expect(await localeCookie.parse(response.headers.get("Set-Cookie"))).toBe("fr");
  });

  it("does not follow a tab-smuggled address off-site (/\\t/evil.example was //evil.example)", async () => {
    const response = await switchTo("/\t/evil.example");
    expect(response).toRedirectTo("/");
  });

  it("answers 303, not 500, for CR/LF and characters outside Latin-1", async () => {
    for (const target of ["/cours/हि", "/\u3002evil.example", "/a\r\nSet-Cookie: x=1"]) {
      const response = await switchTo(target);
      expect(response.status, target).toBe(303);
      expect(new URL(response.headers.get("Location") ?? "", "http://x.test").origin).toBe(
        "http://x.test",
      );
      expect(response.headers.get("Set-Cookie")).not.toMatch(/x=1/);
    }
  });
});
