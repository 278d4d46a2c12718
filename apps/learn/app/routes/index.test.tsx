import { describe, expect, it } from "vitest";
import Home, { loader } from "~/routes/index";
import { useTestDatabase } from "~/test/database";
import { renderPage, routePage } from "~/test/render-page";
import { callRoute, pageGet } from "~/test/route-call";
import { signIn } from "~/test/sign-in.server";

const getDb = useTestDatabase();

async function homeHtml(token?: string) {
  const outcome = await callRoute(loader, pageGet("/", token));
  return renderPage(routePage(Home, (outcome as { data: unknown }).data), "en", "/");
}

describe("home page", () => {
  it("invites a visitor to sign up or log in", async () => {
    const html = await homeHtml();
    expect(html).toContain('href="/signup"');
    expect(html).toContain('href="/login"');
    expect(html).not.toContain('href="/learning"');
  });

  it("shows a signed-in trainee the way on to My learning instead of sign-up", async () => {
    const me = await signIn(getDb());
    const html = await homeHtml(me.token);
    expect(html).toContain('href="/learning"');
    expect(html).toContain("Continue to My learning");
    expect(html).not.toContain('href="/signup"');
    expect(html).not.toContain('href="/login"');
  });
});
