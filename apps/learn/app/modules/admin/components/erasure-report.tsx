import { Alert, Breadcrumbs, Button } from "@peacelearn/ui";
import { href } from "react-router";
import { AppForm } from "~/components/app-form";
import { AppLink } from "~/components/app-link";
import { runtimeKey } from "~/lib/i18n-keys";
import { useTranslation } from "~/lib/i18n-react";
import { usePageTitle } from "~/lib/page-title";
import type { ErasureReportView, ReviewItem } from "../erasure-review.server";

type Props = {
  userId: string;
  report: ErasureReportView;
  actionData?: { result?: { error?: Record<string, string[] | null> | null } } | undefined;
};

const UNREACHABLE = ["spellings", "scripts", "copies", "backups", "namesakes", "content"] as const;

/** After an erasure: what was scrubbed, what waits for an admin's decision, what is out of reach. */
export function ErasureReportPage({ userId, report, actionData }: Props) {
  const { t } = useTranslation("admin");
  const title = usePageTitle(t("erasure.title"));
  const conflict = actionData?.result?.error?.decision?.[0];
  return (
    <div className="mx-auto flex max-w-3xl flex-col gap-6">
      <title>{title}</title>
      <Breadcrumbs
        items={[
          { label: t("users.title"), href: href("/admin") },
          { label: t("erasure.title"), href: href("/admin/users/:userId/erase", { userId }) },
        ]}
      />
      <h1 className="text-3xl font-bold">{t("erasure.title")}</h1>
      <Alert tone="success" role="status" title={t("erasure.done")}>
        <p>
          {t("erasure.erasedOn")}{" "}
          <time dateTime={report.erasedAt.toISOString()}>
            {report.erasedAt.toISOString().slice(0, 10)}
          </time>
        </p>
        <p className="mt-2">{t("erasure.scrubbed", { count: report.freeTextScrubbed })}</p>
      </Alert>
      {conflict ? <Alert tone="danger" role="alert" title={t(runtimeKey(conflict))} /> : null}
      <section aria-labelledby="review-heading" className="flex flex-col gap-4">
        <h2 id="review-heading" className="text-2xl font-semibold">
          {t("erasure.reviewHeading", { count: report.pending.length })}
        </h2>
        {report.pending.length === 0 ? (
          <p>{t(report.resolved > 0 ? "erasure.reviewDone" : "erasure.reviewNone")}</p>
        ) : (
          <>
            <p>{t("erasure.reviewIntro")}</p>
            <ol className="flex flex-col gap-4">
              {report.pending.map((item) => (
                <ReviewEntry key={item.index} item={item} />
              ))}
            </ol>
          </>
        )}
      </section>
      <section aria-labelledby="unreachable-heading" className="flex flex-col gap-2">
        <h2 id="unreachable-heading" className="text-2xl font-semibold">
          {t("erasure.unreachableHeading")}
        </h2>
        <ul className="list-disc ps-6">
          {UNREACHABLE.map((key) => (
            <li key={key}>{t(`erasure.unreachable.${key}`)}</li>
          ))}
        </ul>
      </section>
    </div>
  );
}

function ReviewEntry({ item }: { item: ReviewItem }) {
  const { t } = useTranslation("admin");
  const headingId = `review-${item.index}`;
  return (
    <li className="rounded-lg border border-stone-300 p-4" aria-labelledby={headingId}>
      <h3 id={headingId} className="font-semibold">
        {t(runtimeKey(`erasure.fields.${item.field.replace(".", "_")}`), {
          defaultValue: item.field,
        })}
        {item.date ? (
          <>
            {" · "}
            <time dateTime={item.date}>{item.date}</time>
          </>
        ) : null}
      </h3>
      {item.state === "current" ? (
        <blockquote className="my-2 border-s-4 border-stone-300 ps-3 break-words">
          {item.excerpt.map((part, i) =>
            part.mention ? <mark key={i}>{part.text}</mark> : <span key={i}>{part.text}</span>,
          )}
        </blockquote>
      ) : (
        <p className="my-2">{t("erasure.changed")}</p>
      )}
      <div className="flex flex-wrap items-center gap-3">
        <AppLink to={item.href} className="font-medium text-primary underline underline-offset-4">
          {t("erasure.open")}
        </AppLink>
        <AppForm method="post" className="flex flex-wrap gap-3">
          <input type="hidden" name="intent" value="review" />
          <input type="hidden" name="item" value={item.index} />
          {item.state === "current" ? (
            <Button type="submit" name="decision" value="remove" variant="danger">
              {t("erasure.remove")}
            </Button>
          ) : null}
          <Button type="submit" name="decision" value="keep" variant="secondary">
            {t(item.state === "current" ? "erasure.keep" : "erasure.checked")}
          </Button>
        </AppForm>
      </div>
    </li>
  );
}
