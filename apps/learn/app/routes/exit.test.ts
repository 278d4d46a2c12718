import { describe, expect, it } from "vitest";
import { validateSessionToken } from "~/modules/auth/session.server";
import { action as exitAction, loader as exitLoader } from "~/routes/exit";
import { useTestDatabase } from "~/test/database";
import { callRoute, formPost, pageGet } from "~/test/route-call";
import { signIn } from "~/test/sign-in.server";

// Quick exit (issue 12): straight to the everyday site, this browser signed out (so a page
// reached by Back has nothing to show), the site's caches emptied, no Referer sent.

const getDb = useTestDatabase();
const DESTINATION = "https://www.bbc.com/weather";

describe("quick exit", () => {
  it("signs this browser out and leaves for the everyday site, clearing the site's cache", async () => {
    const db = getDb();
    const person = await signIn(db);
    const other = await signIn(db, person.id);
    const answer = await callRoute(exitAction, formPost("/exit", {}, person.cookie));
    expect(answer).toRedirectTo(DESTINATION);
    const headers = (answer as Response).headers;
    expect(headers.get("Clear-Site-Data")).toBe('"cache"');
    expect(headers.get("Referrer-Policy")).toBe("no-referrer");
    expect(headers.get("Cache-Control")).toBe("no-store");
    expect(headers.getSetCookie().join()).toMatch(/peacelearn_session=;.*Expires=Thu, 01 Jan 1970/);
    expect(await validateSessionToken(db, person.token)).toBeNull();
    // Only this browser: her other phone stays signed in.
    expect(await validateSessionToken(db, other.token)).not.toBeNull();
  });

  it("leaves at once for anyone, signed in or not", async () => {
    expect(await callRoute(exitAction, formPost("/exit", {}))).toRedirectTo(DESTINATION);
    expect(await callRoute(exitLoader, pageGet("/exit"))).toRedirectTo(DESTINATION);
  });

  it("lets no other site sign anyone out, but still leaves", async () => {
    const db = getDb();
    const person = await signIn(db);
    const request = formPost("/exit", {}, { ...person.cookie, Origin: "https://evil.example" });
    const answer = await callRoute(exitAction, request);
    expect(answer).toRedirectTo(DESTINATION);
    expect((answer as Response).headers.getSetCookie()).toEqual([]);
    expect(await validateSessionToken(db, person.token)).not.toBeNull();
  });
});
