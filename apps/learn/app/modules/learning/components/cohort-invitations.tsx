import { Button, Card } from "@peacelearn/ui";
import { AppForm } from "~/components/app-form";
import { useDiscreetNames } from "~/lib/discreet-names";
import { formatDay } from "~/lib/format";
import { useTranslation } from "~/lib/i18n-react";

/** An invitation as "my learning" shows it (the cohorts module provides the data). */
export type InvitationCard = {
  id: string;
  cohortName: string;
  courseTitle: { text: string; lang: string };
  invitedBy: string | null;
  expiresAt: Date;
  fills: ReadonlyArray<"gender" | "birthYear" | "locationCode">;
};

/**
 * Invitations to cohorts waiting for the person's answer. Accepting and declining are plain
 * POST forms: they work without JavaScript.
 */
export function CohortInvitations({
  invitations,
  locale,
}: {
  invitations: readonly InvitationCard[];
  locale: string;
}) {
  const { t } = useTranslation("courses");
  const names = useDiscreetNames();
  if (invitations.length === 0) return null;
  return (
    <section aria-labelledby="learning-invitations" className="flex flex-col gap-4">
      <h2 id="learning-invitations" className="text-2xl font-bold">
        {t("learning.invitations.heading")}
      </h2>
      <p>{t("learning.invitations.intro")}</p>
      <ul className="flex flex-col gap-4">
        {invitations.map((invitation) => (
          <li key={invitation.id}>
            <Card>
              <div className="flex flex-col gap-3">
                <h3 className="text-xl font-bold">
                  {names.cohort(invitation.id, invitation.cohortName)}
                </h3>
                {names.discreet ? null : (
                  <p>
                    {t("learning.invitations.course")}{" "}
                    <span lang={invitation.courseTitle.lang}>{invitation.courseTitle.text}</span>
                  </p>
                )}
                <p className="text-sm text-ink-muted">
                  {invitation.invitedBy
                    ? `${t("learning.invitations.invitedBy", { name: invitation.invitedBy })} · `
                    : null}
                  {t("learning.invitations.openUntil", {
                    date: formatDay(invitation.expiresAt, locale),
                  })}
                </p>
                {invitation.fills.length > 0 ? (
                  <p className="text-sm">
                    {t("learning.invitations.fills", {
                      fields: invitation.fills
                        .map((field) => t(`learning.invitations.fieldNames.${field}`))
                        .join(", "),
                    })}
                  </p>
                ) : null}
                <div className="flex flex-wrap gap-3">
                  <AppForm method="post">
                    <input type="hidden" name="intent" value="accept-invitation" />
                    <input type="hidden" name="invitationId" value={invitation.id} />
                    <Button type="submit">
                      {t("learning.invitations.accept")}
                      <span className="sr-only">
                        {" "}
                        {t("learning.invitations.context", {
                          cohort: String(names.cohort(invitation.id, invitation.cohortName)),
                        })}
                      </span>
                    </Button>
                  </AppForm>
                  <AppForm method="post">
                    <input type="hidden" name="intent" value="decline-invitation" />
                    <input type="hidden" name="invitationId" value={invitation.id} />
                    <Button type="submit" variant="secondary">
                      {t("learning.invitations.decline")}
                      <span className="sr-only">
                        {" "}
                        {t("learning.invitations.context", {
                          cohort: String(names.cohort(invitation.id, invitation.cohortName)),
                        })}
                      </span>
                    </Button>
                  </AppForm>
                </div>
              </div>
            </Card>
          </li>
        ))}
      </ul>
    </section>
  );
}
