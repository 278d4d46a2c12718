import { describe, expect, it } from "vitest";
import { isDiscreet } from "~/lib/discreet.server";
import { action } from "~/routes/preferences/discreet";
import { callRoute, formPost, pageGet } from "~/test/route-call";

const cookieOf = (response: Response) =>
  (response.headers.get("Set-Cookie") ?? "").split(";")[0] ?? "";

describe("discreet mode toggle", () => {
  it("sets a long-lived cookie the next request reads, and goes back to the page", async () => {
    const response = (await callRoute(
      action,
      formPost("/preferences/discreet", {
        discreet: "on",
        redirectTo: "/courses?region=south-asia",
      }),
    )) as Response;
    expect(response.status).toBe(303);
    expect(response).toRedirectTo("/courses?region=south-asia");
    expect(response.headers.get("Set-Cookie")).toMatch(/HttpOnly/);
    expect(await isDiscreet(pageGet("/", undefined, { Cookie: cookieOf(response) }))).toBe(true);
  });

  it("turns off by expiring the cookie", async () => {
    const response = (await callRoute(
      action,
      formPost("/preferences/discreet", { discreet: "off", redirectTo: "/learning" }),
    )) as Response;
    expect(response.headers.get("Set-Cookie")).toMatch(/Max-Age=0/);
    expect(await isDiscreet(pageGet("/", undefined, { Cookie: cookieOf(response) }))).toBe(false);
  });

  it("never redirects off-site and refuses cross-site posts", async () => {
    const response = (await callRoute(
      action,
      formPost("/preferences/discreet", { discreet: "on", redirectTo: "//evil.example" }),
    )) as Response;
    expect(response).toRedirectTo("/");
    for (const redirectTo of ["/\t/evil.example", "/\\evil.example", "/cours/हि"]) {
      const smuggled = (await callRoute(
        action,
        formPost("/preferences/discreet", { discreet: "on", redirectTo }),
      )) as Response;
      expect(smuggled.status, redirectTo).toBe(303);
      const location = smuggled.headers.get("Location") ?? "";
      expect(new URL(location, "http://x.test").origin, redirectTo).toBe("http://x.test");
      expect(location.startsWith("//"), redirectTo).toBe(false);
    }
    const crossSite = (await callRoute(
      action,
      formPost("/preferences/discreet", { discreet: "on" }, { Origin: "https://evil.example" }),
    )) as Response;
    expect(crossSite.status).toBe(403);
    expect(await isDiscreet(pageGet("/"))).toBe(false);
  });
});
