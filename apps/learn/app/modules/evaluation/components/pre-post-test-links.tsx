import { AppLink } from "~/components/app-link";
import { formatPercent } from "~/lib/format";
import { useTranslation } from "~/lib/i18n-react";
import { testHref } from "../hrefs";

type Taken = { score: number } | null;

/**
 * The course page's pre/post test block: "Take the pre-test" before she starts (until she has),
 * "Take the post-test" once the course is complete, and the scores of the tests taken. Plain
 * links: no JavaScript.
 */
export function PrePostTestLinks({
  courseKey,
  locale,
  tests,
}: {
  courseKey: string;
  locale: string;
  tests: { pre: Taken; post: Taken; courseComplete: boolean };
}) {
  const { t } = useTranslation("evaluation");
  const link = "font-semibold text-primary underline";
  return (
    <section aria-labelledby="pre-post-tests" className="flex flex-col gap-2">
      <h2 id="pre-post-tests" className="text-xl font-bold">
        {t("course.heading")}
      </h2>
      {tests.pre ? (
        <p>{t("course.preDone", { score: formatPercent(tests.pre.score, locale) })}</p>
      ) : (
        <p className="flex flex-col gap-1">
          <AppLink to={testHref(courseKey, "pre")} className={link}>
            {t("course.takePre")}
          </AppLink>
          <span className="text-sm text-ink-muted">{t("course.preHint")}</span>
        </p>
      )}
      {tests.post ? (
        <p>{t("course.postDone", { score: formatPercent(tests.post.score, locale) })}</p>
      ) : tests.courseComplete ? (
        <p className="flex flex-col gap-1">
          <AppLink to={testHref(courseKey, "post")} className={link}>
            {t("course.takePost")}
          </AppLink>
          <span className="text-sm text-ink-muted">{t("course.postHint")}</span>
        </p>
      ) : null}
    </section>
  );
}
