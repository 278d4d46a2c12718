import { Button, Checkbox, RadioGroup } from "@peacelearn/ui";
import { href } from "react-router";
import { AppForm } from "~/components/app-form";
import { useTranslation } from "~/lib/i18n-react";

/**
 * The certificate page's download form: a GET (no JavaScript needed) whose two buttons fetch the
 * credential as JSON or as a badge picture, with the privacy options she chose. Her name is off
 * and the course title on by default; the neutral title is one click away.
 */
export function CredentialDownloadForm({
  courseKey,
  courseTitle,
  holderName,
}: {
  courseKey: string;
  courseTitle: string;
  holderName: string | null;
}) {
  const { t } = useTranslation("credentials");
  return (
    <section aria-labelledby="credential-heading" className="flex flex-col gap-3">
      <h2 id="credential-heading" className="text-2xl font-bold">
        {t("download.heading")}
      </h2>
      <p>{t("download.intro")}</p>
      <p>{t("download.privacy")}</p>
      <AppForm
        method="get"
        action={href("/courses/:courseKey/credential", { courseKey })}
        reloadDocument
        className="flex flex-col gap-4"
      >
        <RadioGroup
          name="title"
          label={t("download.titleLegend")}
          defaultValue="course"
          options={[
            { value: "course", label: t("download.titleCourse", { course: courseTitle }) },
            { value: "neutral", label: t("download.titleNeutral") },
          ]}
        />
        {holderName ? (
          <Checkbox name="showName" description={t("download.showNameHelp")}>
            {t("download.showName", { name: holderName })}
          </Checkbox>
        ) : null}
        <div className="flex flex-wrap gap-3">
          <Button type="submit" name="format" value="json">
            {t("download.json")}
          </Button>
          <Button type="submit" name="format" value="svg" variant="secondary">
            {t("download.svg")}
          </Button>
        </div>
      </AppForm>
    </section>
  );
}
