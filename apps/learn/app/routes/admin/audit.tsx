import { Button, Field, Pagination, Select, Table, TextField } from "@peacelearn/ui";
import { href } from "react-router";
import { AppForm } from "~/components/app-form";
import { AppLink } from "~/components/app-link";
import { getDb } from "~/lib/db.server";
import { readQuery } from "~/lib/form.server";
import { formatDayTime } from "~/lib/format";
import { runtimeKey } from "~/lib/i18n-keys";
import { useTranslation } from "~/lib/i18n-react";
import { getLocale } from "~/lib/locale.server";
import { usePageTitle } from "~/lib/page-title";
import { type AuditPerson, listAuditEvents } from "~/modules/admin/audit-log.server";
import { AuditFilterSchema } from "~/modules/admin/schema";
import { auditActionLabelKey, isAuditAction } from "~/modules/audit/actions";
import { requireRole } from "~/modules/auth/guards.server";
import type { Route } from "./+types/audit";

export async function loader({ request }: Route.LoaderArgs) {
  await requireRole(request, "admin");
  const url = new URL(request.url);
  const query = readQuery(url);
  const filter = AuditFilterSchema.parse({
    action: query.get("action") ?? "",
    actor: query.get("actor") ?? "",
    target: query.get("target") ?? "",
    from: query.get("from") || undefined,
    to: query.get("to") || undefined,
    page: query.get("page") ?? 1,
  });
  const [locale, db] = await Promise.all([getLocale(request), getDb()]);
  return { locale, filter, ...(await listAuditEvents(db, filter)) };
}

type Row = Route.ComponentProps["loaderData"]["events"][number];

const inputClass =
  "focus-ring min-h-11 w-full rounded-control border border-border-strong bg-surface px-3 py-2 text-base text-ink";

function Person({ person }: { person: AuditPerson }) {
  const { t } = useTranslation("admin");
  if (person.kind === "system") return <>{t("audit.system")}</>;
  if (person.kind === "erased")
    return <>{t("audit.erasedPerson", { pseudonym: person.pseudonym })}</>;
  return (
    <span className="flex flex-col">
      <AppLink
        to={href("/admin/users/:userId", { userId: person.id })}
        className="text-primary underline"
      >
        {person.name}
      </AppLink>
      <span className="text-sm text-ink-muted">{person.email}</span>
    </span>
  );
}

export default function AuditLogPage({ loaderData }: Route.ComponentProps) {
  const { locale, filter, events, actions, total, pageCount } = loaderData;
  const { t } = useTranslation("admin");
  const title = usePageTitle(t("audit.title"));
  const hrefForPage = (page: number) => {
    const params = new URLSearchParams();
    for (const key of ["action", "actor", "target", "from", "to"] as const) {
      const value = filter[key];
      if (value) params.set(key, value);
    }
    params.set("page", String(page));
    return `?${params}`;
  };
  const actionLabel = (action: string) =>
    isAuditAction(action)
      ? t(runtimeKey(auditActionLabelKey(action)), { defaultValue: action })
      : action;
  const roleList = (roles: string[]) =>
    roles.map((role) => t(runtimeKey(`roles.${role}`), { defaultValue: role })).join(", ") ||
    t("audit.noRole");
  const details = (row: Row) =>
    [
      row.details.roles
        ? t("audit.rolesChanged", {
            from: roleList(row.details.roles.from),
            to: roleList(row.details.roles.to),
          })
        : null,
      row.details.address ? t("audit.address", { address: row.details.address }) : null,
      row.details.format ? t("audit.format", { format: row.details.format }) : null,
    ]
      .filter(Boolean)
      .join(" · ");
  return (
    <div className="flex flex-col gap-8">
      <title>{title}</title>
      <h1 className="text-3xl font-bold">{t("audit.title")}</h1>
      <AppForm method="get" className="grid items-end gap-4 sm:grid-cols-3">
        <Select
          id="audit-action"
          name="action"
          label={t("audit.action")}
          placeholder={t("audit.anyAction")}
          defaultValue={filter.action}
          options={actions.map((action) => ({ value: action, label: actionLabel(action) }))}
        />
        <TextField
          id="audit-actor"
          name="actor"
          label={t("audit.actorFilter")}
          description={t("audit.personFilterHelp")}
          defaultValue={filter.actor}
        />
        <TextField
          id="audit-target"
          name="target"
          label={t("audit.targetFilter")}
          description={t("audit.personFilterHelp")}
          defaultValue={filter.target}
        />
        <Field id="audit-from" label={t("audit.from")}>
          {(control) => (
            <input
              {...control}
              type="date"
              name="from"
              defaultValue={filter.from}
              className={inputClass}
            />
          )}
        </Field>
        <Field id="audit-to" label={t("audit.to")}>
          {(control) => (
            <input
              {...control}
              type="date"
              name="to"
              defaultValue={filter.to}
              className={inputClass}
            />
          )}
        </Field>
        <div>
          <Button type="submit" variant="secondary">
            {t("audit.filter")}
          </Button>
        </div>
      </AppForm>
      <p aria-live="polite">{t("audit.count", { count: total })}</p>
      <Table<Row>
        caption={t("audit.caption")}
        rows={events}
        rowKey={(row) => row.id}
        emptyMessage={t("audit.empty")}
        columns={[
          // When, who and what in one row-header cell: on a 390 px phone the person and the
          // action stay in view (the row-header column is sticky) while the rest scrolls.
          {
            key: "event",
            header: t("audit.event"),
            isRowHeader: true,
            cell: (row) => (
              <span className="flex min-w-40 flex-col">
                <span className="text-sm font-normal text-ink-muted">
                  {formatDayTime(row.at, locale)}
                </span>
                <Person person={row.actor} />
                <span className="font-normal">{actionLabel(row.action)}</span>
              </span>
            ),
          },
          {
            key: "subject",
            header: t("audit.subject"),
            cell: (row) =>
              row.subject.kind === "person" ? (
                <Person person={row.subject.person} />
              ) : row.subject.kind === "cohort" ? (
                (row.subject.name ?? t("audit.deletedCohort"))
              ) : (
                t(runtimeKey(`audit.subjectTypes.${row.subject.type}`), {
                  defaultValue: row.subject.type,
                })
              ),
          },
          { key: "details", header: t("audit.details"), cell: details },
        ]}
      />
      <Pagination
        page={filter.page}
        pageCount={pageCount}
        hrefForPage={hrefForPage}
        renderLink={({ href, children, ...props }) => (
          <AppLink to={href} {...props}>
            {children}
          </AppLink>
        )}
      />
    </div>
  );
}
