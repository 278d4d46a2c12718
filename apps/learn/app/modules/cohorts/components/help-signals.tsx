import { Badge } from "@peacelearn/ui";
import { useTranslation } from "~/lib/i18n-react";
import type { HelpSignal } from "../needs-help";

/** The "needs help" signals as worded badges (the words carry the meaning, colour only echoes). */
export function HelpSignals({ signals }: { signals: readonly HelpSignal[] }) {
  const { t } = useTranslation("cohorts");
  if (signals.length === 0) return <span>{t("help.none")}</span>;
  return (
    <ul className="flex list-none flex-col items-start gap-1 ps-0">
      {signals.map((signal) => (
        <li key={signal.reason === "failed-check" ? signal.knowledgeCheckId : "inactive"}>
          <Badge tone="warning">
            {signal.reason === "failed-check"
              ? t("help.failedCheck", { count: signal.failedAttempts })
              : t("help.inactive", { count: signal.days })}
          </Badge>
        </li>
      ))}
    </ul>
  );
}
