import { parseWithZod } from "@conform-to/zod/v4";
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
import { data, Form } from "react-router";
import { AppLink } from "~/components/app-link";
import { GeneralErrorBoundary } from "~/components/general-error-boundary";
import { formState } from "~/lib/forms";
import { assertSameOrigin } from "~/lib/http.server";
import { useTranslation } from "~/lib/i18n-react";
import { getLocale } from "~/lib/locale.server";
import { usePageTitle } from "~/lib/page-title";
import { requireCohortTrainer } from "~/modules/cohorts/access.server";
import { CohortNav } from "~/modules/cohorts/components/cohort-nav";
import { formatDay } from "~/modules/cohorts/format";
import { cohortHref } from "~/modules/cohorts/hrefs";
import {
  createInvite,
  type InviteSummary,
  joinPath,
  listInvites,
  revokeInvite,
} from "~/modules/cohorts/invites.server";
import { addMemberByEmail } from "~/modules/cohorts/members.server";
import {
  AddMemberSchema,
  CreateInviteSchema,
  inviteLifetimes,
  RevokeInviteSchema,
} from "~/modules/cohorts/schema";
import { uiLocale } from "~/modules/courses/ui-locale";
import type { Route } from "./+types/cohort-members";

export async function loader({ request, params }: Route.LoaderArgs) {
  const { db, cohort } = await requireCohortTrainer(request, params.cohortId);
  const [locale, invites, memberCount] = await Promise.all([
    getLocale(request),
    listInvites(db, cohort.id, new Date()),
    db.cohortMembership.count({ where: { cohortId: cohort.id } }),
  ]);
  return { locale, cohort, invites, memberCount };
}

export async function action({ request, params }: Route.ActionArgs) {
  assertSameOrigin(request);
  const { db, cohort, user } = await requireCohortTrainer(request, params.cohortId);
  const formData = await request.formData();
  const intent = formData.get("intent");
  const now = new Date();

  if (intent === "add-member") {
    const submission = parseWithZod(formData, { schema: AddMemberSchema });
    if (submission.status !== "success") {
      return data({ intent, result: submission.reply(), outcome: null }, { status: 400 });
    }
    const outcome = await addMemberByEmail(db, {
      cohortId: cohort.id,
      email: submission.value.email,
      now,
    });
    // A rejected address stays in the field so it can be corrected.
    const rejected = outcome.status === "rejected";
    return data(
      {
        intent,
        result: rejected ? submission.reply() : submission.reply({ resetForm: true }),
        outcome,
      },
      { status: rejected ? 400 : 200 },
    );
  }

  if (intent === "create-invite") {
    const submission = parseWithZod(formData, { schema: CreateInviteSchema });
    if (submission.status !== "success") {
      return data({ intent, result: submission.reply(), invite: null }, { status: 400 });
    }
    const created = await createInvite(db, {
      cohortId: cohort.id,
      createdById: user.id,
      expiresInDays: submission.value.expiresInDays,
      maxUses: submission.value.maxUses,
      now,
    });
    const url = new URL(joinPath(created.token), request.url).href;
    return data({
      intent,
      result: submission.reply({ resetForm: true }),
      invite: { url, expiresAt: created.expiresAt, maxUses: submission.value.maxUses ?? null },
    });
  }

  if (intent === "revoke-invite") {
    const submission = parseWithZod(formData, { schema: RevokeInviteSchema });
    if (submission.status !== "success") throw data({ message: "bad-request" }, { status: 400 });
    const revoked = await revokeInvite(db, {
      cohortId: cohort.id,
      inviteId: submission.value.inviteId,
      now,
    });
    if (!revoked) throw data({ message: "not-found" }, { status: 404 });
    return data({ intent, result: submission.reply(), revoked: true });
  }

  throw data({ message: "unknown-intent" }, { status: 400 });
}

export default function CohortMembersPage({ loaderData, actionData }: Route.ComponentProps) {
  const { locale, cohort, invites, memberCount } = loaderData;
  const { t } = useTranslation(["cohorts", "common"]);
  const pageTitle = t("cohorts:members.title");
  const title = usePageTitle(`${pageTitle} — ${cohort.name}`);
  const addForm = formState(actionData?.intent === "add-member" ? actionData.result : undefined, t);
  const inviteForm = formState(
    actionData?.intent === "create-invite" ? actionData.result : undefined,
    t,
  );
  const outcome = actionData && "outcome" in actionData ? actionData.outcome : null;
  const newInvite = actionData && "invite" in actionData ? actionData.invite : null;
  const membersHref = `${cohortHref(cohort.id)}/members`;

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
          {outcome ? (
            <Alert
              tone={
                outcome.status === "added"
                  ? "success"
                  : outcome.status === "skipped"
                    ? "info"
                    : "danger"
              }
              title={t(`cohorts:import.status.${outcome.status}`)}
            >
              {outcome.status === "added"
                ? t("cohorts:members.added", { name: outcome.name, email: outcome.email })
                : t(`cohorts:import.reason.${outcome.reason}`, { email: outcome.email })}
            </Alert>
          ) : null}
          <Card>
            <Form method="post" noValidate className="flex flex-col gap-4 sm:flex-row sm:items-end">
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
            </Form>
          </Card>
          <p>
            <LinkButton as={AppLink} to={`${membersHref}/import`} variant="secondary">
              {t("cohorts:members.importLink")}
            </LinkButton>
          </p>
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
            <Form method="post" noValidate className="flex flex-col gap-4 sm:flex-row sm:items-end">
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
            </Form>
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
                    <Form method="post">
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
                    </Form>
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
