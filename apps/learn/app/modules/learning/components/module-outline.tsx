import { Badge, Card, ProgressBar, type Tone } from "@peacelearn/ui";
import { AppLink } from "~/components/app-link";
import { useDiscreetNames } from "~/lib/discreet-names";
import type { KeyIn } from "~/lib/i18n-keys";
import { useTranslation } from "~/lib/i18n-react";
import { uiLocale } from "~/lib/locale";
import { checkHref, lessonHref, moduleAnchor } from "~/modules/courses/hrefs";
import type { OutlineModule } from "~/modules/courses/outline.server";
import type { CoursePage } from "../course-page.server";
import type { LessonState } from "../progress.server";

const stateTone: Record<LessonState, Tone> = {
  completed: "success",
  "in-progress": "info",
  "not-started": "neutral",
};
const stateLabel: Record<LessonState, KeyIn<"courses">> = {
  completed: "course.stateCompleted",
  "in-progress": "course.stateInProgress",
  "not-started": "course.stateNotStarted",
};

/** One module on the course page: its lessons with their state, and its knowledge check. */
export function ModuleOutline({
  courseKey,
  module,
  number,
  locale,
  progress,
}: {
  courseKey: string;
  module: OutlineModule;
  number: number;
  locale: string;
  progress: CoursePage["progress"];
}) {
  const { t } = useTranslation("courses");
  const names = useDiscreetNames();
  const count = progress?.modules[module.key];
  const checkPassed = progress?.passedChecks.includes(module.key) ?? false;

  return (
    <Card
      id={moduleAnchor(number)}
      headingLevel={3}
      title={
        <>
          <span className="block text-sm font-semibold text-ink-muted">
            {t("course.moduleNumber", { number })}
          </span>
          {names.discreet ? null : <span lang={module.title.lang}>{module.title.text}</span>}
        </>
      }
    >
      {module.summary.text && !names.discreet ? (
        <p lang={module.summary.lang}>{module.summary.text}</p>
      ) : null}
      {count ? (
        <ProgressBar
          locale={uiLocale(locale)}
          label={t("course.moduleProgress")}
          value={count.completed}
          max={Math.max(count.total, 1)}
          valueText={t("course.progressValue", { completed: count.completed, count: count.total })}
        />
      ) : null}
      <ol className="flex flex-col divide-y divide-border">
        {module.lessons.map((lesson, index) => {
          const state = progress?.lessons[lesson.id];
          return (
            <li key={lesson.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
              <AppLink
                to={lessonHref(courseKey, lesson.key)}
                className="font-semibold text-primary underline"
                lang={names.discreet ? undefined : lesson.title.lang}
              >
                {names.lesson(`${number}.${index + 1}`, lesson.title.text)}
              </AppLink>
              <span className="flex flex-wrap items-center gap-2 text-sm text-ink-muted">
                {lesson.estimatedMinutes ? (
                  <span>{t("course.minutes", { count: lesson.estimatedMinutes })}</span>
                ) : null}
                {state ? <Badge tone={stateTone[state]}>{t(stateLabel[state])}</Badge> : null}
              </span>
            </li>
          );
        })}
        {module.hasCheck ? (
          <li className="flex flex-wrap items-center justify-between gap-2 py-2">
            <AppLink
              to={checkHref(courseKey, module.key)}
              className="font-semibold text-primary underline"
            >
              {t("course.check")}
            </AppLink>
            {checkPassed ? <Badge tone="success">{t("course.checkPassed")}</Badge> : null}
          </li>
        ) : null}
      </ol>
    </Card>
  );
}
