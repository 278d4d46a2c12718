import { href, redirect } from "react-router";
import { z } from "zod";
import { discreetCookie } from "~/lib/discreet.server";
import { readForm } from "~/lib/form.server";
import { assertSameOrigin, safeRedirectPath } from "~/lib/http.server";
import type { Route } from "./+types/discreet";

const DiscreetFormSchema = z.object({ discreet: z.enum(["on", "off"]) });

/** Turns discreet mode on or off and goes back to the page the toggle was on. */
export async function action({ request }: Route.ActionArgs) {
  assertSameOrigin(request);
  const form = await readForm(request);
  const target = safeRedirectPath(form.get("redirectTo"));
  const parsed = DiscreetFormSchema.safeParse({ discreet: form.get("discreet") });
  if (!parsed.success) return redirect(target, 303);
  const cookie =
    parsed.data.discreet === "on"
      ? await discreetCookie.serialize(true)
      : await discreetCookie.serialize(false, { maxAge: 0 });
  return redirect(target, { status: 303, headers: { "Set-Cookie": cookie } });
}

export function loader() {
  return redirect(href("/"));
}
