import { Alert, Badge, Button, LinkButton, Pagination, Table, TextField } from "@peacelearn/ui";
import { href } from "react-router";
import { AppForm } from "~/components/app-form";
import { AppLink } from "~/components/app-link";
import { getDb } from "~/lib/db.server";
import { readQuery } from "~/lib/form.server";
import { runtimeKey } from "~/lib/i18n-keys";
import { useTranslation } from "~/lib/i18n-react";
import { usePageTitle } from "~/lib/page-title";
import { UserSearchSchema } from "~/modules/admin/schema";
import { listUsers } from "~/modules/admin/users.server";
import { requireRole } from "~/modules/auth/guards.server";
import type { Route } from "./+types/index";

export async function loader({ request }: Route.LoaderArgs) {
  await requireRole(request, "admin");
  const url = new URL(request.url);
  const query = readQuery(url);
  const { q, page } = UserSearchSchema.parse({
    q: query.get("q") ?? "",
    page: query.get("page") ?? 1,
  });
  const listing = await listUsers(await getDb(), { search: q, page });
  return { q, page, erased: query.get("erased") === "1", ...listing };
}

type Row = Route.ComponentProps["loaderData"]["users"][number];

export default function AdminUsersPage({ loaderData }: Route.ComponentProps) {
  const { q, page, erased, users, total, pageCount } = loaderData;
  const { t } = useTranslation("admin");
  const title = usePageTitle(t("users.title"));
  const hrefForPage = (p: number) =>
    `?${new URLSearchParams({ ...(q ? { q } : {}), page: String(p) })}`;
  return (
    <div className="flex flex-col gap-8">
      <title>{title}</title>
      <div className="flex flex-wrap items-center justify-between gap-4">
        <h1 className="text-3xl font-bold">{t("users.title")}</h1>
        <div className="flex flex-wrap gap-3">
          <LinkButton as={AppLink} to={href("/admin/users/new")}>
            {t("users.create")}
          </LinkButton>
          <LinkButton as={AppLink} to={href("/admin/audit")} variant="secondary">
            {t("audit.title")}
          </LinkButton>
        </div>
      </div>
      {erased ? <Alert tone="success" title={t("users.erasedNotice")} /> : null}
      <AppForm method="get" role="search" className="flex flex-wrap items-end gap-3">
        <TextField
          id="admin-user-search"
          name="q"
          type="search"
          label={t("users.search")}
          defaultValue={q}
        />
        <Button type="submit" variant="secondary">
          {t("users.searchButton")}
        </Button>
      </AppForm>
      <p aria-live="polite">{t("users.count", { count: total })}</p>
      <Table<Row>
        caption={t("users.caption")}
        rows={users}
        rowKey={(user) => user.id}
        emptyMessage={t("users.empty")}
        columns={[
          {
            key: "name",
            header: t("users.name"),
            isRowHeader: true,
            cell: (user) =>
              user.erasedAt ? (
                <Badge>{t("erasedUser")}</Badge>
              ) : (
                <AppLink
                  to={href("/admin/users/:userId", { userId: user.id })}
                  className="font-semibold text-primary underline"
                >
                  {user.displayName}
                </AppLink>
              ),
          },
          {
            key: "email",
            header: t("users.email"),
            cell: (user) => (user.erasedAt ? "—" : user.email),
          },
          {
            key: "roles",
            header: t("users.roles"),
            cell: (user) => (
              <span className="flex flex-wrap gap-1">
                {user.deactivatedAt && !user.erasedAt ? (
                  <Badge tone="danger">{t("users.deactivated")}</Badge>
                ) : null}
                {user.roles.map((role) => (
                  <Badge key={role} tone={role === "admin" ? "warning" : "neutral"}>
                    {t(runtimeKey(`roles.${role}`))}
                  </Badge>
                ))}
              </span>
            ),
          },
        ]}
      />
      <Pagination
        page={page}
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
