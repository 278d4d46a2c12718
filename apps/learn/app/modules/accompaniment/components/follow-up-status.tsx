import { Badge, type Tone } from "@peacelearn/ui";
import { runtimeKey } from "~/lib/i18n-keys";
import { useTranslation } from "~/lib/i18n-react";

const tones: Record<string, Tone> = { open: "info", done: "success", cancelled: "neutral" };

/**
 * A follow-up's status as a badge, plus an "Overdue" badge when it is: both say it in words, so
 * the highlight never rests on colour alone.
 */
export function FollowUpStatusBadges({
  status,
  isOverdue,
}: {
  status: string;
  isOverdue: boolean;
}) {
  const { t } = useTranslation("accompaniment");
  return (
    <span className="inline-flex flex-wrap items-center gap-1">
      <Badge tone={tones[status] ?? "neutral"}>{t(runtimeKey(`status.${status}`), status)}</Badge>
      {isOverdue ? (
        <Badge tone="warning" icon="!">
          {t("status.overdue")}
        </Badge>
      ) : null}
    </span>
  );
}
