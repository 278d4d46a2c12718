import { href } from "react-router";
import { AppNavLink } from "~/components/app-link";
import type { KeyIn } from "~/lib/i18n-keys";
import { useTranslation } from "~/lib/i18n-react";

type NavItem = {
  to: string;
  label: KeyIn<"common">;
  roles?: readonly string[];
  signedIn?: boolean;
};

/** The areas a person can reach, by what their roles allow (the server checks again on each page). */
const items: readonly NavItem[] = [
  { to: href("/courses"), label: "nav.courses" },
  { to: href("/learning"), label: "nav.myLearning", signedIn: true },
  { to: href("/follow-ups"), label: "nav.followUps", signedIn: true },
  { to: href("/trainer/cohorts"), label: "nav.cohorts", roles: ["trainer", "admin"] },
  { to: href("/trainer/accompaniment"), label: "nav.accompaniment", roles: ["trainer", "admin"] },
  { to: href("/reports"), label: "nav.reports", roles: ["staff", "admin"] },
  { to: href("/admin"), label: "nav.admin", roles: ["admin"] },
];

export function MainNav({ roles }: { roles: readonly string[] | null }) {
  const { t } = useTranslation("common");
  const visible = items.filter((item) => {
    if (item.roles) return roles?.some((role) => item.roles?.includes(role)) ?? false;
    if (item.signedIn) return roles !== null;
    return true;
  });
  return (
    <nav aria-label={t("nav.main")} className="border-t border-border">
      {/* One line on a phone, scrolled sideways when a trainer's or admin's areas do not fit. */}
      <ul className="mx-auto flex max-w-5xl gap-x-5 gap-y-1 overflow-x-auto whitespace-nowrap px-4 py-2 sm:flex-wrap sm:whitespace-normal">
        {visible.map((item) => (
          <li key={item.to}>
            <AppNavLink
              to={item.to}
              className="focus-ring rounded font-semibold text-primary underline-offset-4 hover:underline aria-[current=page]:underline"
            >
              {t(item.label)}
            </AppNavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
