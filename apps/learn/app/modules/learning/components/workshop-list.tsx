import { href } from "react-router";
import { AppLink } from "~/components/app-link";
import { useDiscreetNames } from "~/lib/discreet-names";
import { formatDayTime } from "~/lib/format";
import { useTranslation } from "~/lib/i18n-react";

type Workshop = {
  id: string;
  title: string;
  startsAt: Date | string;
  place: string | null;
  cohort: { id: string; name: string };
};

/** "My workshops" on My learning: her cohorts' workshops and the calendar file of them. */
export function WorkshopList({ workshops, locale }: { workshops: Workshop[]; locale: string }) {
  const { t } = useTranslation("courses");
  const names = useDiscreetNames();
  // Venue wall-clock times are stored with a UTC label: shown in UTC they read as typed.
  const when = (value: Date | string) => formatDayTime(value, locale);
  return (
    <section aria-labelledby="learning-workshops" className="flex flex-col gap-3">
      <h2 id="learning-workshops" className="text-2xl font-bold">
        {t("learning.workshops.heading")}
      </h2>
      {workshops.length === 0 ? (
        <p>{t("learning.workshops.none")}</p>
      ) : (
        <>
          <p className="text-sm text-ink-muted">{t("learning.workshops.intro")}</p>
          <ul className="flex flex-col gap-2">
            {workshops.map((workshop) => (
              <li key={workshop.id} className="rounded-card border border-border bg-surface p-3">
                <p className="font-semibold">
                  {names.discreet ? t("learning.workshops.neutralSummary") : workshop.title}{" "}
                  <span className="font-normal text-ink-muted">
                    ({names.cohort(workshop.cohort.id, workshop.cohort.name)})
                  </span>
                </p>
                <p className="text-sm">
                  {workshop.place && !names.discreet
                    ? t("learning.workshops.where", {
                        when: when(workshop.startsAt),
                        place: workshop.place,
                      })
                    : when(workshop.startsAt)}
                </p>
              </li>
            ))}
          </ul>
          <p>
            <AppLink to={href("/workshops.ics")} className="font-semibold text-primary underline">
              {t("learning.workshops.download")}
            </AppLink>
          </p>
        </>
      )}
    </section>
  );
}
