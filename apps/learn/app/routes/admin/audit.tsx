import { Badge, Button, Field, Pagination, Select, Table } from "@peacelearn/ui";
import { Form } from "react-router";
import { AppLink } from "~/components/app-link";
import { getDb } from "~/lib/db.server";
import { readQuery } from "~/lib/form.server";
import { useTranslation } from "~/lib/i18n-react";
import { getLocale } from "~/lib/locale.server";
import { usePageTitle } from "~/lib/page-title";
import { listAuditEvents } from "~/modules/admin/audit-log.server";
import { AuditFilterSchema } from "~/modules/admin/schema";
import { requireRole } from "~/modules/auth/guards.server";
import type { Route } from "./+types/audit";

export async function loader({ request }: Route.LoaderArgs) {
  await requireRole(request, "admin");
  const url = new URL(request.url);
  const query = readQuery(url);
  const filter = AuditFilterSchema.parse({
    action: query.get("action") ?? "",
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

export default function AuditLogPage({ loaderData }: Route.ComponentProps) {
  const { locale, filter, events, actions, total, pageCount } = loaderData;
  const { t } = useTranslation("admin");
  const title = usePageTitle(t("audit.title"));
  const when = new Intl.DateTimeFormat(locale, {
    dateStyle: "medium",
    timeStyle: "short",
    timeZone: "UTC",
  });
  const hrefForPage = (page: number) => {
    const params = new URLSearchParams();
    if (filter.action) params.set("action", filter.action);
    if (filter.from) params.set("from", filter.from);
    if (filter.to) params.set("to", filter.to);
    params.set("page", String(page));
    return `?${params}`;
  };
  const actorText = (row: Row) =>
    row.actor.kind === "user"
      ? row.actor.name
      : row.actor.kind === "erased"
        ? t("erasedUser")
        : t("audit.system");
  return (
    <div className="flex flex-col gap-8">
      <title>{title}</title>
      <h1 className="text-3xl font-bold">{t("audit.title")}</h1>
      <Form method="get" className="grid items-end gap-4 sm:grid-cols-4">
        <Select
          id="audit-action"
          name="action"
          label={t("audit.action")}
          placeholder={t("audit.anyAction")}
          defaultValue={filter.action}
          options={actions.map((action) => ({ value: action, label: action }))}
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
      </Form>
      <p aria-live="polite">{t("audit.count", { count: total })}</p>
      <Table<Row>
        caption={t("audit.caption")}
        rows={events}
        rowKey={(row) => row.id}
        emptyMessage={t("audit.empty")}
        columns={[
          {
            key: "at",
            header: t("audit.at"),
            isRowHeader: true,
            cell: (row) => when.format(new Date(row.at)),
          },
          { key: "actor", header: t("audit.actor"), cell: actorText },
          { key: "action", header: t("audit.action"), cell: (row) => <Badge>{row.action}</Badge> },
          {
            key: "subject",
            header: t("audit.subject"),
            cell: (row) =>
              row.subjectType === "user" ? (
                <AppLink to={`/admin/users/${row.subjectId}`} className="text-primary underline">
                  {t("audit.userSubject")}
                </AppLink>
              ) : (
                `${row.subjectType} ${row.subjectId}`
              ),
          },
          {
            key: "details",
            header: t("audit.details"),
            cell: (row) =>
              row.roles
                ? t("audit.rolesChanged", {
                    from:
                      row.roles.from.map((r) => t(`roles.${r}`, { defaultValue: r })).join(", ") ||
                      "—",
                    to:
                      row.roles.to.map((r) => t(`roles.${r}`, { defaultValue: r })).join(", ") ||
                      "—",
                  })
                : "",
          },
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
