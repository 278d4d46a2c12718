import { Badge } from "@peacelearn/ui";
import { formatPercent } from "~/lib/format";
import { useTranslation } from "~/lib/i18n-react";
import type { HelpSignal } from "../needs-help";

/** The "needs help" signals as worded badges (the words carry the meaning, colour only echoes). */
export function HelpSignals({
  signals,
  locale,
}: {
  signals: readonly HelpSignal[];
  locale: string;
}) {
  const { t } = useTranslation("cohorts");
  if (signals.length === 0) return <span>{t("help.none")}</span>;
  return (
    <ul className="flex list-none flex-col items-start gap-1 ps-0">
      {signals.map((signal) => (
        <li key={signal.reason === "failed-check" ? signal.knowledgeCheckId : signal.reason}>
          <Badge tone="warning">
            {signal.reason === "failed-check"
              ? t("help.failedCheck", { count: signal.failedAttempts })
              : signal.reason === "inactive"
                ? t("help.inactive", { count: signal.days })
                : t("help.lowAttendance", { rate: formatPercent(signal.ratePercent, locale, 1) })}
          </Badge>
        </li>
      ))}
    </ul>
  );
}
