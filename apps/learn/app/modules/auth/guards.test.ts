import { describe, expect, it } from "vitest";
import { useTestDatabase } from "~/test/database";
import { pageGet } from "~/test/route-call";
import { signIn } from "~/test/sign-in.server";
import { requireRole, requireUser } from "./guards.server";

const getDb = useTestDatabase();

describe("guards", () => {
  it("sends anonymous visitors to log in, and brings them back", async () => {
    const thrown = await requireUser(pageGet("/account/security?tab=1")).catch((e: unknown) => e);
    expect(thrown).toRedirectTo(
      `/login?redirectTo=${encodeURIComponent("/account/security?tab=1")}`,
    );
  });

  it("answers 403 to a signed-in user without the role, and lets admins through", async () => {
    const learner = (await signIn(getDb(), { email: "learner@example.org" })).token;
    const boss = (await signIn(getDb(), { email: "boss@example.org", roles: ["admin"] })).token;

    const denied = await requireRole(pageGet("/trainer", learner), "trainer").catch(
      (e: unknown) => e,
    );
    expect(denied).toHaveStatus(403);
    expect((await requireRole(pageGet("/trainer", boss), "trainer")).email).toBe(
      "boss@example.org",
    );
  });
});
