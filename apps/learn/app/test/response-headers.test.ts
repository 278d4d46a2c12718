// Issue 10, defect 7 (headers): every page carries a strict Content-Security-Policy whose nonce
// is on every inline script; Strict-Transport-Security goes out over HTTPS only; and no page or
// `.data` answer can be cached unless a public route asks and the visitor is anonymous.
import { createElement } from "react";
import { describe, expect, it } from "vitest";
import routeConfig from "~/routes";
import { type ExtraRoute, handleAppRequest } from "./app-handler";
import { useTestDatabase } from "./database";
import { pageGet } from "./route-call";
import { signIn } from "./sign-in.server";

/** A page that ships React Router's client runtime (no route does yet). */
const HYDRATED: ExtraRoute = {
  id: "test/hydrated",
  path: "test-hydrated",
  module: { default: () => createElement("p", null, "hydrated"), handle: { hydrate: true } },
};
/** A public page that asks to be cached. */
const CACHED: ExtraRoute = {
  id: "test/cached",
  path: "test-cached",
  module: {
    default: () => createElement("p", null, "cached"),
    loader: () => ({ ok: true }),
    headers: () => ({ "Cache-Control": "public, max-age=300" }),
  },
};
const extraRoutes = [HYDRATED, CACHED];

let token = "";

useTestDatabase(async (db) => {
  const admin = await signIn(db, {
    email: "headers-admin@test.example",
    name: "Admin",
    roles: ["admin", "trainer", "staff", "trainee"],
  });
  token = admin.token;
});

function directives(policy: string | null): Map<string, string[]> {
  return new Map(
    (policy ?? "")
      .split(";")
      .map((part) => part.trim().split(/\s+/))
      .filter((parts) => parts[0])
      .map(([name = "", ...values]) => [name, values]),
  );
}

/** Every `<script …>` start tag of the page. */
const scriptTags = (html: string) => [...html.matchAll(/<script\b[^>]*>/g)].map(([tag]) => tag);

describe("Content-Security-Policy", () => {
  it("is strict on a page, and its nonce is on every inline script", async () => {
    const response = await handleAppRequest(pageGet("/"));
    expect(response.status).toBe(200);
    const policy = directives(response.headers.get("Content-Security-Policy"));
    expect(policy.get("default-src")).toEqual(["'self'"]);
    expect(policy.get("object-src")).toEqual(["'none'"]);
    expect(policy.get("base-uri")).toEqual(["'none'"]);
    // Our own forms, and the neutral site quick exit's POST /exit redirects to (QUICK_EXIT_URL).
    expect(policy.get("form-action")).toEqual(["'self'", "https://www.bbc.com"]);
    expect(policy.get("frame-ancestors")).toEqual(["'none'"]);
    const scripts = policy.get("script-src") ?? [];
    expect(scripts).not.toContain("'unsafe-inline'");
    expect(scripts).not.toContain("'unsafe-eval'");
    const nonce = scripts.find((source) => source.startsWith("'nonce-"))?.slice(7, -1) ?? "";
    // 128 bits, base64: at least 22 characters.
    expect(nonce.length).toBeGreaterThanOrEqual(22);
    // Style elements need the nonce too; only style attributes are let through.
    expect(policy.get("style-src")).toEqual(["'self'", `'nonce-${nonce}'`]);
    expect(policy.get("style-src-attr")).toEqual(["'unsafe-inline'"]);

    const html = await response.text();
    const tags = scriptTags(html);
    expect(tags.length).toBeGreaterThan(0);
    for (const tag of tags) expect(tag).toContain(`nonce="${nonce}"`);
    // Where React Aria finds it for the <style> element it adds once a page hydrates.
    expect(html).toContain(`<meta property="csp-nonce" nonce="${nonce}"/>`);
    // Nothing the policy would block: no <style> element, no inline event handler.
    expect(html).not.toMatch(/<style\b/);
    expect(html).not.toMatch(/<[^>]+\son[a-z]+="/);
  });

  it("gets a fresh nonce for every page", async () => {
    const nonces = await Promise.all(
      [1, 2].map(async () => {
        const response = await handleAppRequest(pageGet("/"));
        return response.headers.get("Content-Security-Policy")?.match(/'nonce-([^']+)'/)?.[1];
      }),
    );
    expect(nonces[0]).toBeDefined();
    expect(nonces[0]).not.toBe(nonces[1]);
  });

  it("covers a page that hydrates: React Router's scripts and hydration data carry the nonce", async () => {
    const response = await handleAppRequest(pageGet("/test-hydrated"), { extraRoutes });
    expect(response.status).toBe(200);
    const nonce = response.headers.get("Content-Security-Policy")?.match(/'nonce-([^']+)'/)?.[1];
    const html = await response.text();
    const tags = scriptTags(html);
    // The context, the route modules' import, scroll restoration, the hydration stream, the
    // service worker: all inline, all nonced.
    expect(tags.filter((tag) => tag.includes('type="module"')).length).toBeGreaterThan(0);
    expect(tags.length).toBeGreaterThanOrEqual(4);
    for (const tag of tags) expect(tag).toContain(`nonce="${nonce}"`);
  });

  it("is on error pages too", async () => {
    const response = await handleAppRequest(pageGet("/no-such-page"));
    expect(response.status).toBe(404);
    expect(response.headers.get("Content-Security-Policy")).toContain("frame-ancestors 'none'");
  });
});

describe("Strict-Transport-Security", () => {
  const hsts = async (url: string) =>
    (await handleAppRequest(new Request(url))).headers.get("Strict-Transport-Security");

  it("is sent over HTTPS (as server.js reports it in the URL), never over http or to loopback", async () => {
    expect(await hsts("https://peacelearn.example/")).toBe("max-age=31536000");
    expect(await hsts("https://peacelearn.example/courses.data")).toBe("max-age=31536000");
    expect(await hsts("http://peacelearn.example/")).toBeNull();
    expect(await hsts("https://localhost:3000/")).toBeNull();
    expect(await hsts("https://127.0.0.1/")).toBeNull();
  });
});

describe("Cache-Control", () => {
  // Every page of the route table with a fixed address (the ones with parameters are the same
  // code path), anonymous and signed in: whatever it answers, an HTML answer is never stored.
  const pages = (routeConfig as Array<{ path?: string; index?: boolean }>)
    .filter((route) => route.index || (route.path && !/[:*]/.test(route.path)))
    .map((route) => (route.index ? "/" : `/${route.path}`));

  it.each([
    ["anonymous", undefined],
    ["signed in", "token"],
  ])("every page is no-store (%s)", async (_, signedIn) => {
    let html = 0;
    for (const path of pages) {
      const response = await handleAppRequest(pageGet(path, signedIn ? token : undefined));
      await response.body?.cancel();
      if (!response.headers.get("Content-Type")?.startsWith("text/html")) continue;
      html += 1;
      expect(response.headers.get("Cache-Control"), path).toBe("no-store");
    }
    // Signed out, most pages redirect to the login page (no body to store).
    expect(html).toBeGreaterThanOrEqual(signedIn ? 10 : 4);
  });

  it("client navigations (.data) are no-store", async () => {
    for (const path of ["/learning.data", "/follow-ups.data", "/courses.data"]) {
      const response = await handleAppRequest(pageGet(path, token));
      await response.body?.cancel();
      expect(response.status, path).toBe(200);
      expect(response.headers.get("Cache-Control"), path).toBe("no-store");
    }
  });

  it("a public page may ask to be cached for anonymous visitors, varying on Cookie", async () => {
    const response = await handleAppRequest(pageGet("/test-cached"), { extraRoutes });
    expect(response.status).toBe(200);
    expect(response.headers.get("Cache-Control")).toBe("public, max-age=300");
    expect(response.headers.get("Vary")).toMatch(/\bCookie\b/);
    const data = await handleAppRequest(pageGet("/test-cached.data"), { extraRoutes });
    expect(data.headers.get("Cache-Control")).toBe("public, max-age=300");
    expect(data.headers.get("Vary")).toMatch(/\bCookie\b/);
  });

  it("but never for a visitor with a session", async () => {
    const response = await handleAppRequest(pageGet("/test-cached", token), { extraRoutes });
    expect(response.headers.get("Cache-Control")).toBe("no-store");
    const data = await handleAppRequest(pageGet("/test-cached.data", token), { extraRoutes });
    expect(data.headers.get("Cache-Control")).toBe("no-store");
  });
});
