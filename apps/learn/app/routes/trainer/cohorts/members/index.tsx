import {
  Alert,
  Badge,
  Button,
  Card,
  LinkButton,
  Select,
  Table,
  TextField,
  UiProvider,
} from "@peacelearn/ui";
import { data, href } from "react-router";
import { AppForm } from "~/components/app-form";
import { AppLink } from "~/components/app-link";
import { GeneralErrorBoundary } from "~/components/general-error-boundary";
import { parseForm } from "~/lib/form.server";
import { formatDay } from "~/lib/format";
import { formState } from "~/lib/forms";
import { assertSameOrigin } from "~/lib/http.server";
import { useTranslation } from "~/lib/i18n-react";
import { uiLocale } from "~/lib/locale";
import { getLocale } from "~/lib/locale.server";
import { usePageTitle } from "~/lib/page-title";
import { requireCohortTrainer } from "~/modules/cohorts/access.server";
import { CohortNav } from "~/modules/cohorts/components/cohort-nav";
import {
  listSentInvitations,
  revokeInvitation,
  type SentInvitation,
} from "~/modules/cohorts/invitations.server";
import {
  createInvite,
  type InviteSummary,
  joinPath,
  listInvites,
  revokeInvite,
} from "~/modules/cohorts/invites.server";
import { inviteMemberByEmail } from "~/modules/cohorts/members.server";
import { INVITATION_DAYS, inviteLifetimes, MembersFormSchema } from "~/modules/cohorts/schema";
import type { Route } from "./+types/index";

export async function loader({ request, params }: Route.LoaderArgs) {
  const { db, cohort } = await requireCohortTrainer(request, params.cohortId);
  const now = new Date();
  const [locale, invites, invitations, memberCount] = await Promise.all([
    getLocale(request),
    listInvites(db, cohort.id, now),
    listSentInvitations(db, cohort.id, now),
    db.cohortMembership.count({ where: { cohortId: cohort.id } }),
  ]);
  return { locale, cohort, invites, invitations, memberCount };
}

export async function action({ request, params, context }: Route.ActionArgs) {
  assertSameOrigin(request);
  const { db, cohort, user } = await requireCohortTrainer(request, params.cohortId);
  const submission = await parseForm({ request, context }, MembersFormSchema);
  const now = new Date();

  if (submission.status !== "success") {
    const posted = submission.payload.intent;
    const intent = typeof posted === "string" && INTENTS.has(posted) ? posted : null;
    return data({ intent, result: submission.reply(), added: null, invite: null }, { status: 400 });
  }
  const form = submission.value;

  if (form.intent === "add-member") {
    const outcome = await inviteMemberByEmail(db, {
      cohortId: cohort.id,
      invitedById: user.id,
      email: form.email,
      now,
    });
    // Only the address typed comes back: never a name, nor whether it has an account.
    return data({
      intent: form.intent,
      result: submission.reply({ resetForm: true }),
      added: { email: form.email, status: outcome.status },
      invite: null,
    });
  }

  if (form.intent === "create-invite") {
    const created = await createInvite(db, {
      cohortId: cohort.id,
      createdById: user.id,
      expiresInDays: form.expiresInDays,
      maxUses: form.maxUses,
      now,
    });
    const url = new URL(joinPath(created.token), request.url).href;
    return data({
      intent: form.intent,
      result: submission.reply({ resetForm: true }),
      added: null,
      invite: { url, expiresAt: created.expiresAt, maxUses: form.maxUses ?? null },
    });
  }

  if (form.intent === "revoke-invitation") {
    const revoked = await revokeInvitation(db, {
      cohortId: cohort.id,
      invitationId: form.invitationId,
      actorId: user.id,
    });
    if (!revoked) throw data({ message: "not-found" }, { status: 404 });
    return data({ intent: form.intent, result: submission.reply(), added: null, invite: null });
  }

  const revoked = await revokeInvite(db, { cohortId: cohort.id, inviteId: form.inviteId, now });
  if (!revoked) throw data({ message: "not-found" }, { status: 404 });
  return data({ intent: form.intent, result: submission.reply(), added: null, invite: null });
}

const INTENTS: ReadonlySet<string> = new Set(
  MembersFormSchema.options.map((option) => option.shape.intent.value),
);

export default function CohortMembersPage({ loaderData, actionData }: Route.ComponentProps) {
  const { locale, cohort, invites, invitations, memberCount } = loaderData;
  const { t } = useTranslation(["cohorts", "common"]);
  const pageTitle = t("cohorts:members.title");
  const title = usePageTitle(`${pageTitle} — ${cohort.name}`);
  const addForm = formState(actionData?.intent === "add-member" ? actionData.result : undefined, t);
  const inviteForm = formState(
    actionData?.intent === "create-invite" ? actionData.result : undefined,
    t,
  );
  const added = actionData?.added ?? null;
  const newInvite = actionData?.invite ?? null;
  const membersHref = href("/trainer/cohorts/:cohortId/members", { cohortId: cohort.id });

  return (
    <UiProvider locale={uiLocale(locale)}>
      <div className="flex flex-col gap-8">
        <title>{title}</title>
        <CohortNav cohort={cohort} current={{ label: pageTitle, href: membersHref }} />
        <h1 className="text-3xl font-bold">{pageTitle}</h1>
        <p>{t("cohorts:members.count", { count: memberCount })}</p>

        <section aria-labelledby="add-heading" className="flex flex-col gap-4">
          <h2 id="add-heading" className="text-2xl font-bold">
            {t("cohorts:members.addHeading")}
          </h2>
          {added ? (
            <Alert
              tone={added.status === "invited" ? "success" : "info"}
              title={t(
                added.status === "invited"
                  ? "cohorts:members.invitedTitle"
                  : "cohorts:members.alreadyMemberTitle",
              )}
            >
              {t(
                added.status === "invited"
                  ? "cohorts:members.invited"
                  : "cohorts:members.alreadyMember",
                { email: added.email },
              )}
            </Alert>
          ) : null}
          <Card>
            <AppForm
              method="post"
              noValidate
              className="flex flex-col gap-4 sm:flex-row sm:items-end"
            >
              <input type="hidden" name="intent" value="add-member" />
              <TextField
                id="member-email"
                name="email"
                type="email"
                label={t("cohorts:fields.email")}
                description={t("cohorts:members.emailHelp")}
                defaultValue={addForm.value("email")}
                error={addForm.error("email")}
                className="grow"
                isRequired
              />
              <Button type="submit">{t("cohorts:members.add")}</Button>
            </AppForm>
          </Card>
          <p>
            <LinkButton as={AppLink} to={`${membersHref}/import`} variant="secondary">
              {t("cohorts:members.importLink")}
            </LinkButton>
          </p>
        </section>

        <section aria-labelledby="invitations-heading" className="flex flex-col gap-4">
          <h2 id="invitations-heading" className="text-2xl font-bold">
            {t("cohorts:invitations.heading")}
          </h2>
          <p>{t("cohorts:invitations.intro", { days: INVITATION_DAYS })}</p>
          {actionData?.intent === "revoke-invitation" && !actionData.result.error ? (
            <Alert tone="info" title={t("cohorts:invitations.revokedTitle")} role="status" />
          ) : null}
          <Table<SentInvitation>
            locale={locale === "fr" ? "fr" : "en"}
            caption={t("cohorts:invitations.caption")}
            rows={invitations}
            rowKey={(invitation) => invitation.id}
            emptyMessage={t("cohorts:invitations.empty")}
            columns={[
              {
                key: "email",
                header: t("cohorts:fields.email"),
                isRowHeader: true,
                cell: (invitation) => invitation.email,
              },
              {
                key: "sent",
                header: t("cohorts:invitations.sent"),
                cell: (invitation) => formatDay(invitation.createdAt, locale),
              },
              {
                key: "expires",
                header: t("cohorts:invitations.expires"),
                cell: (invitation) => formatDay(invitation.expiresAt, locale),
              },
              {
                key: "state",
                header: t("cohorts:invitations.state"),
                cell: (invitation) => (
                  <Badge tone={invitation.state === "pending" ? "info" : "neutral"}>
                    {t(`cohorts:invitations.states.${invitation.state}`)}
                  </Badge>
                ),
              },
              {
                key: "actions",
                header: <span className="sr-only">{t("cohorts:invitations.actions")}</span>,
                cell: (invitation) => (
                  <AppForm method="post">
                    <input type="hidden" name="intent" value="revoke-invitation" />
                    <input type="hidden" name="invitationId" value={invitation.id} />
                    <Button type="submit" variant="secondary" size="sm">
                      {t("cohorts:invitations.revoke")}
                      <span className="sr-only">
                        {" "}
                        {t("cohorts:invitations.revokeContext", { email: invitation.email })}
                      </span>
                    </Button>
                  </AppForm>
                ),
              },
            ]}
          />
        </section>

        <section aria-labelledby="invite-heading" className="flex flex-col gap-4">
          <h2 id="invite-heading" className="text-2xl font-bold">
            {t("cohorts:invites.heading")}
          </h2>
          <p>{t("cohorts:invites.intro")}</p>
          {newInvite ? (
            <Alert tone="success" title={t("cohorts:invites.createdTitle")}>
              <p>{t("cohorts:invites.createdBody")}</p>
              <p className="mt-2 break-all font-mono">
                <a href={newInvite.url} className="text-primary underline">
                  {newInvite.url}
                </a>
              </p>
              <p className="mt-2 text-sm">
                {t("cohorts:invites.expires", {
                  date: formatDay(new Date(newInvite.expiresAt), locale),
                })}
              </p>
            </Alert>
          ) : null}
          {actionData?.intent === "revoke-invite" ? (
            <Alert tone="info" title={t("cohorts:invites.revokedTitle")} role="status" />
          ) : null}
          <Card>
            <AppForm
              method="post"
              noValidate
              className="flex flex-col gap-4 sm:flex-row sm:items-end"
            >
              <input type="hidden" name="intent" value="create-invite" />
              <Select
                id="invite-expiresInDays"
                name="expiresInDays"
                label={t("cohorts:fields.expiresInDays")}
                options={inviteLifetimes.map((days) => ({
                  value: String(days),
                  label: t("cohorts:invites.days", { count: days }),
                }))}
                defaultValue={inviteForm.value("expiresInDays") || "14"}
                error={inviteForm.error("expiresInDays")}
              />
              <TextField
                id="invite-maxUses"
                name="maxUses"
                type="number"
                inputMode="numeric"
                label={t("cohorts:fields.maxUses")}
                description={t("cohorts:invites.maxUsesHelp")}
                defaultValue={inviteForm.value("maxUses")}
                error={inviteForm.error("maxUses")}
              />
              <Button type="submit">{t("cohorts:invites.create")}</Button>
            </AppForm>
          </Card>
          <Table<InviteSummary>
            locale={locale === "fr" ? "fr" : "en"}
            caption={t("cohorts:invites.caption")}
            rows={invites}
            rowKey={(invite) => invite.id}
            emptyMessage={t("cohorts:invites.empty")}
            columns={[
              {
                key: "created",
                header: t("cohorts:invites.created"),
                isRowHeader: true,
                cell: (invite) =>
                  invite.createdBy
                    ? t("cohorts:invites.createdBy", {
                        date: formatDay(invite.createdAt, locale),
                        name: invite.createdBy,
                      })
                    : formatDay(invite.createdAt, locale),
              },
              {
                key: "expires",
                header: t("cohorts:invites.expiresHeader"),
                cell: (invite) => formatDay(invite.expiresAt, locale),
              },
              {
                key: "uses",
                header: t("cohorts:invites.uses"),
                align: "end",
                cell: (invite) =>
                  invite.maxUses === null
                    ? t("cohorts:invites.usesUnlimited", { count: invite.useCount })
                    : t("cohorts:invites.usesOf", { count: invite.useCount, max: invite.maxUses }),
              },
              {
                key: "state",
                header: t("cohorts:invites.state"),
                cell: (invite) => (
                  <Badge tone={invite.state === "active" ? "success" : "neutral"}>
                    {t(`cohorts:invites.states.${invite.state}`)}
                  </Badge>
                ),
              },
              {
                key: "actions",
                header: <span className="sr-only">{t("cohorts:invites.actions")}</span>,
                cell: (invite) =>
                  invite.state === "active" ? (
                    <AppForm method="post">
                      <input type="hidden" name="intent" value="revoke-invite" />
                      <input type="hidden" name="inviteId" value={invite.id} />
                      <Button type="submit" variant="secondary" size="sm">
                        {t("cohorts:invites.revoke")}
                        <span className="sr-only">
                          {" "}
                          {t("cohorts:invites.revokeContext", {
                            date: formatDay(invite.createdAt, locale),
                          })}
                        </span>
                      </Button>
                    </AppForm>
                  ) : null,
              },
            ]}
          />
        </section>
      </div>
    </UiProvider>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
