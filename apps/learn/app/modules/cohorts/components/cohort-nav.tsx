import { Breadcrumbs, type RenderLink } from "@peacelearn/ui";
import { href } from "react-router";
import { AppLink, AppNavLink } from "~/components/app-link";
import { useDiscreetNames } from "~/lib/discreet-names";
import { useTranslation } from "~/lib/i18n-react";
import { cohortHref } from "../hrefs";

export const renderLink: RenderLink = ({ href, ...props }) => <AppLink to={href} {...props} />;

type Section = "roster" | "members" | "workshops";

/** Breadcrumbs and the cohort's section links, on every cohort page. */
export function CohortNav({
  cohort,
  current,
}: {
  cohort: { id: string; name: string };
  current?: { label: string; href: string };
}) {
  const { t } = useTranslation("cohorts");
  const names = useDiscreetNames();
  const sections: Array<{ key: Section; href: string }> = [
    { key: "roster", href: cohortHref(cohort.id) },
    { key: "members", href: href("/trainer/cohorts/:cohortId/members", { cohortId: cohort.id }) },
    {
      key: "workshops",
      href: href("/trainer/cohorts/:cohortId/sessions", { cohortId: cohort.id }),
    },
  ];
  return (
    <div className="flex flex-col gap-3">
      <Breadcrumbs
        renderLink={renderLink}
        items={[
          { label: t("list.title"), href: href("/trainer/cohorts") },
          { label: names.cohort(cohort.id, cohort.name), href: cohortHref(cohort.id) },
          ...(current ? [current] : []),
        ]}
      />
      <nav aria-label={t("nav.label")}>
        <ul className="flex list-none flex-wrap gap-4 ps-0">
          {sections.map((section) => (
            <li key={section.key}>
              <AppNavLink
                to={section.href}
                end
                className="focus-ring rounded-control font-semibold text-primary underline underline-offset-4 aria-[current=page]:text-ink aria-[current=page]:no-underline"
              >
                {t(`nav.${section.key}`)}
              </AppNavLink>
            </li>
          ))}
        </ul>
      </nav>
    </div>
  );
}
