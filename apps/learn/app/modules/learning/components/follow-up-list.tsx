import { Badge } from "@peacelearn/ui";
import { formatDay } from "~/lib/format";
import { useTranslation } from "~/lib/i18n-react";
import type { DashboardFollowUp } from "../dashboard.server";

/** Open actions agreed in accompaniment sessions, read-only (the trainer updates them). */
export function FollowUpList({
  followUps,
  locale,
}: {
  followUps: DashboardFollowUp[];
  locale: string;
}) {
  const { t } = useTranslation("courses");
  return (
    <section aria-labelledby="learning-follow-ups" className="flex flex-col gap-3">
      <h2 id="learning-follow-ups" className="text-2xl font-bold">
        {t("learning.followUpsHeading")}
      </h2>
      {followUps.length === 0 ? (
        <p>{t("learning.noFollowUps")}</p>
      ) : (
        <>
          <p className="text-ink-muted">{t("learning.followUpsIntro")}</p>
          <ul className="flex flex-col divide-y divide-border rounded-card border border-border bg-surface">
            {followUps.map((action) => (
              <li key={action.id} className="flex flex-col gap-1 p-3">
                <p>{action.description}</p>
                <dl className="flex flex-wrap gap-x-4 gap-y-1 text-sm text-ink-muted">
                  <div className="flex gap-1">
                    <dt>{t("learning.owner")}</dt>
                    <dd className="ms-0">
                      {action.owner === "me" ? t("learning.ownerMe") : t("learning.ownerTrainer")}
                    </dd>
                  </div>
                  <div className="flex items-center gap-1">
                    <dt>{t("learning.due")}</dt>
                    <dd className="ms-0">{formatDay(action.dueOn, locale)}</dd>
                    {action.isOverdue ? (
                      <dd className="ms-0">
                        <Badge tone="warning">{t("learning.overdue")}</Badge>
                      </dd>
                    ) : null}
                  </div>
                </dl>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
