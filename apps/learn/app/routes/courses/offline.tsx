import { AppLink } from "~/components/app-link";
import { getDb } from "~/lib/db.server";
import { useDiscreetNames } from "~/lib/discreet-names";
import { useTranslation } from "~/lib/i18n-react";
import { getLocale } from "~/lib/locale.server";
import { usePageTitle } from "~/lib/page-title";
import { requireUser } from "~/modules/auth/guards.server";
import { courseHref, offlinePackHref } from "~/modules/courses/hrefs";
import { CourseBreadcrumbs } from "~/modules/learning/components/course-breadcrumbs";
import { loadOfflinePack } from "~/modules/learning/offline-pack.server";
import type { Route } from "./+types/offline";

export async function loader({ request, params }: Route.LoaderArgs) {
  const user = await requireUser(request);
  const [locale, db] = await Promise.all([getLocale(request), getDb()]);
  const pack = await loadOfflinePack(db, { courseKey: params.courseKey, locale, user });
  return { locale, ...pack };
}

/**
 * "Save this course on my phone" (docs/decisions/028-offline-writes.md). The service worker
 * recognises this page by its `Offline-Copy: pack` header, downloads every page listed under
 * `data-pack="page"` and writes its progress, in words, in place of `data-pack="progress"` while
 * the page loads — no page script. Without a worker the paragraph below is what she reads.
 */
export default function OfflinePackPage({ loaderData }: Route.ComponentProps) {
  const { locale, course, pages } = loaderData;
  const { t } = useTranslation("courses");
  const names = useDiscreetNames();
  const title = usePageTitle(t("pack.title"));

  return (
    <div className="mx-auto flex max-w-3xl flex-col gap-4">
      <title>{title}</title>
      <CourseBreadcrumbs
        locale={locale}
        course={course}
        more={[{ label: t("pack.title"), href: offlinePackHref(course.key) }]}
      />
      <h1 className="text-2xl font-bold sm:text-3xl">{t("pack.title")}</h1>
      <div data-pack="progress" className="flex flex-col gap-2" lang={locale}>
        <p>{t("pack.noWorker")}</p>
      </div>
      <h2 className="text-xl font-bold">{t("pack.pagesHeading", { count: pages.length })}</h2>
      <ol className="flex list-decimal flex-col gap-1 ps-6">
        {pages.map((page) => (
          <li key={page.href}>
            <AppLink to={page.href} data-pack="page" className="text-primary underline">
              {page.kind === "course"
                ? t("pack.coursePage")
                : page.kind === "lesson"
                  ? names.lesson(page.number, <span lang={page.title.lang}>{page.title.text}</span>)
                  : t("pack.checkOf", { module: page.moduleNumber })}
            </AppLink>
          </li>
        ))}
      </ol>
      <p>
        <AppLink to={courseHref(course.key)} className="font-semibold text-primary underline">
          {t("lesson.backToCourse")}
        </AppLink>
      </p>
    </div>
  );
}
