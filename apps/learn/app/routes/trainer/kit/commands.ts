import { readForm } from "~/lib/form.server";
import { assertSameOrigin } from "~/lib/http.server";
import { parseKitBatch } from "~/modules/workshop-kit/commands";
import { applyKitCommands } from "~/modules/workshop-kit/push.server";
import { requireWorkshopTrainer } from "~/modules/workshop-kit/workshops.server";
import type { Route } from "./+types/commands";

const NO_STORE = { "Cache-Control": "no-store" };

/**
 * The kit's push (ADR 030): one form field, `batch`, holding the commands as JSON, read by the
 * app's bounded body reader. Answers which commands were applied now, which before, which never
 * will be; a bad batch is a 400 naming its first bad field, and nothing of it is applied.
 */
export async function action({ request, params }: Route.ActionArgs) {
  assertSameOrigin(request);
  const { db, cohort, user, sessionId } = await requireWorkshopTrainer(request, params.sessionId);
  const form = await readForm(request, { maxFields: 1 });
  const batch = form.get("batch");
  const parsed = parseKitBatch(typeof batch === "string" ? batch : null);
  if (!parsed.ok) {
    return Response.json(
      { error: "invalid-batch", field: parsed.field, message: parsed.message },
      { status: 400, headers: NO_STORE },
    );
  }
  const result = await applyKitCommands(db, {
    cohortId: cohort.id,
    courseId: cohort.courseId,
    sessionId,
    recorderId: user.id,
    commands: parsed.commands,
    now: new Date(),
  });
  return Response.json(result, { headers: NO_STORE });
}
