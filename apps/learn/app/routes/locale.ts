import { LocaleSchema } from "@peacelearn/domain";
import { href, redirect } from "react-router";
import { z } from "zod";
import { readForm } from "~/lib/form.server";
import { assertSameOrigin, safeRedirectPath } from "~/lib/http.server";
import { supportedLocales } from "~/lib/i18n";
import { localeCookie } from "~/lib/locale.server";
import type { Route } from "./+types/locale";

const LocaleFormSchema = z.object({
  locale: LocaleSchema.refine((value) => supportedLocales.includes(value)),
  redirectTo: z.string().optional(),
});

export async function action({ request }: Route.ActionArgs) {
  assertSameOrigin(request);
  const form = Object.fromEntries(await readForm(request));
  const parsed = LocaleFormSchema.safeParse(form);
  const target = safeRedirectPath(typeof form.redirectTo === "string" ? form.redirectTo : null);
  if (!parsed.success) return redirect(target, 303);
  return redirect(target, {
    status: 303,
    headers: { "Set-Cookie": await localeCookie.serialize(parsed.data.locale) },
  });
}

export function loader() {
  return redirect(href("/"));
}
