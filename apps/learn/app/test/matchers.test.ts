import { data, redirect } from "react-router";
import { describe, expect, it } from "vitest";

describe("route-outcome matchers", () => {
  it("read redirects from a Response, data() with a 3xx init, and refuse non-redirects", () => {
    expect(redirect("/login?redirectTo=%2F")).toRedirectTo("/login?redirectTo=%2F");
    expect(redirect("/courses/a", 303)).toRedirectTo(/^\/courses\//);
    expect(data(null, { status: 302, headers: { Location: "/x" } })).toRedirectTo("/x");
    expect({ status: 303, headers: new Headers({ Location: "/y" }) }).toRedirectTo("/y");
    expect(new Response(null, { status: 200, headers: { Location: "/x" } })).not.toRedirectTo("/x");
    expect(() => expect(redirect("/a")).toRedirectTo("/b")).toThrow(
      "expected status 302 to /a to redirect to /b",
    );
  });

  it("read statuses from a Response, data() (200 by default) and callRoute's outcome", () => {
    expect(new Response(null, { status: 404 })).toHaveStatus(404);
    expect(data({ ok: false }, { status: 400 })).toHaveStatus(400);
    expect(data({ ok: true })).toHaveStatus(200);
    expect({ status: 403, data: null }).toHaveStatus(403);
    expect(() => expect("text").toHaveStatus(200)).toThrow("not a route outcome (string)");
  });
});
