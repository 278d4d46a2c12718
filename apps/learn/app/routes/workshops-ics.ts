import { getDb } from "~/lib/db.server";
import { isDiscreet } from "~/lib/discreet.server";
import { createI18n } from "~/lib/i18n";
import { toIcs } from "~/lib/ics";
import { getLocale } from "~/lib/locale.server";
import { requireUser } from "~/modules/auth/guards.server";
import { loadMyWorkshops, workshopEvents } from "~/modules/learning/workshops.server";
import type { Route } from "./+types/workshops-ics";

/** `/workshops.ics` — the signed-in person's workshops as an iCalendar file (RFC 5545). */
export async function loader({ request }: Route.LoaderArgs) {
  const user = await requireUser(request);
  const [db, locale, discreet] = await Promise.all([
    getDb(),
    getLocale(request),
    isDiscreet(request),
  ]);
  const now = new Date();
  const workshops = await loadMyWorkshops(db, { userId: user.id, now });
  const { t } = createI18n(locale);
  const ics = toIcs({
    productId: "-//Peacelearn//Workshops//EN",
    now,
    events: workshopEvents(workshops, {
      discreet,
      neutralSummary: t("courses:learning.workshops.neutralSummary"),
    }),
  });
  return new Response(ics, {
    headers: {
      "Content-Type": "text/calendar; charset=utf-8",
      "Content-Disposition": `attachment; filename="${discreet ? "calendar" : "workshops"}.ics"`,
      // Personal: never kept by shared caches or the back/forward cache.
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
