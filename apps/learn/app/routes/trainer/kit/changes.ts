import { data } from "react-router";
import { readQuery } from "~/lib/form.server";
import { getLocale } from "~/lib/locale.server";
import { loadKitChanges, parseCursor } from "~/modules/workshop-kit/pull.server";
import { requireWorkshopTrainer } from "~/modules/workshop-kit/workshops.server";
import type { Route } from "./+types/changes";

/** The kit's pull (ADR 030): what the server has for this workshop since the kit's cursor. */
export async function loader({ request, params }: Route.LoaderArgs) {
  const { db, cohort, sessionId } = await requireWorkshopTrainer(request, params.sessionId);
  const changes = await loadKitChanges(db, {
    cohortId: cohort.id,
    sessionId,
    since: parseCursor(readQuery(request).get("since")),
    locale: await getLocale(request),
  });
  if (!changes) throw data({ message: "not-found" }, { status: 404 });
  return Response.json(changes, { headers: { "Cache-Control": "no-store" } });
}
