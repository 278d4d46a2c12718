import { describe, expect, it } from "vitest";
import { action, loader } from "~/routes/account/profile";
import { useTestDatabase } from "~/test/database";
import { callRoute, formPost, pageGet } from "~/test/route-call";
import { signIn } from "~/test/sign-in.server";

const getDb = useTestDatabase();

const fields = {
  displayName: "Awa Ndiaye",
  preferredLocale: "fr",
  gender: "woman",
  birthYear: "1990",
  locationCode: "LR",
  organisation: "Réseau des femmes",
};

describe("profile editing", () => {
  it("asks visitors to sign in", async () => {
    expect(await callRoute(loader, pageGet("/account/profile"))).toRedirectTo(
      "/login?redirectTo=%2Faccount%2Fprofile",
    );
  });

  it("saves her name, language and facts, and audits the field names only", async () => {
    const me = await signIn(getDb(), { name: "awa" });
    const response = await callRoute(action, formPost("/account/profile", fields, me.cookie));
    expect(response).toHaveStatus(200);
    const user = await getDb().user.findUniqueOrThrow({ where: { id: me.id } });
    expect(user).toMatchObject({
      displayName: "Awa Ndiaye",
      preferredLocale: "fr",
      gender: "woman",
      birthYear: 1990,
      locationCode: "LR",
      organisation: "Réseau des femmes",
    });
    const audit = await getDb().auditEvent.findFirstOrThrow({
      where: { action: "user.profile.updated", subjectId: me.id },
    });
    expect(audit.actorId).toBe(me.id);
    expect(JSON.stringify(audit.metadata)).not.toMatch(/Awa|1990|woman|Réseau/);
    expect((audit.metadata as { fields: string[] }).fields).toEqual(
      expect.arrayContaining(["displayName", "preferredLocale", "gender", "birthYear"]),
    );

    const page = (await callRoute(loader, pageGet("/account/profile", me.token))) as {
      data: { profile: { displayName: string } };
    };
    expect(page.data.profile.displayName).toBe("Awa Ndiaye");

    // Saving again unchanged writes no second audit entry.
    await callRoute(action, formPost("/account/profile", fields, me.cookie));
    expect(
      await getDb().auditEvent.count({
        where: { action: "user.profile.updated", subjectId: me.id },
      }),
    ).toBe(1);
  });

  it("clears the optional facts: prefer not to say, no year, no place, no organisation", async () => {
    const me = await signIn(getDb(), { name: "clears" });
    await callRoute(action, formPost("/account/profile", fields, me.cookie));
    await callRoute(
      action,
      formPost(
        "/account/profile",
        {
          displayName: "A",
          preferredLocale: "en",
          gender: "prefer-not-to-say",
          birthYear: "",
          locationCode: "",
          organisation: "",
        },
        me.cookie,
      ),
    );
    const user = await getDb().user.findUniqueOrThrow({ where: { id: me.id } });
    expect(user).toMatchObject({
      gender: "prefer-not-to-say",
      birthYear: null,
      locationCode: null,
      organisation: null,
    });
  });

  it("answers 400 naming the field for a bad birth year, language or empty name, and saves nothing", async () => {
    const me = await signIn(getDb(), { name: "bad" });
    const response = await callRoute(
      action,
      formPost(
        "/account/profile",
        {
          ...fields,
          displayName: " ",
          birthYear: String(new Date().getUTCFullYear() - 5),
          preferredLocale: "xx",
        },
        me.cookie,
      ),
    );
    expect(response).toHaveStatus(400);
    const errors = (response as { data: { result: { error: Record<string, string[]> } } }).data
      .result.error;
    expect(Object.keys(errors).sort()).toEqual(["birthYear", "displayName", "preferredLocale"]);
    const user = await getDb().user.findUniqueOrThrow({ where: { id: me.id } });
    expect(user.displayName).toBe("bad");
  });
});
