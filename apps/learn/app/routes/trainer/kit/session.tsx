import { attendanceStatuses } from "@peacelearn/db/schemas";
import { ageBandLabels, genderLabels, genders } from "@peacelearn/domain";
import { Alert, buttonClassName, UiProvider } from "@peacelearn/ui";
import type { HTMLAttributes, ReactNode } from "react";
import { GeneralErrorBoundary } from "~/components/general-error-boundary";
import { useTranslation } from "~/lib/i18n-react";
import { uiLocale } from "~/lib/locale";
import { getLocale } from "~/lib/locale.server";
import { usePageTitle } from "~/lib/page-title";
import { walkInAgeBands } from "~/modules/workshop-kit/commands";
import { kitConfig } from "~/modules/workshop-kit/kit-config";
import { requireWorkshopTrainer } from "~/modules/workshop-kit/workshops.server";
import type { Route } from "./+types/session";

// The one page of the app that runs its own script (ADR 005, ADR 030): public/kit/kit.js keeps
// the register in IndexedDB, encrypted, and syncs it. The HTML carries no personal data at all —
// no name, not even the workshop's title — because the kit's service worker keeps a copy of it
// for offline use; everything personal arrives through the pull, encrypted before it is stored.

export async function loader({ request, params }: Route.LoaderArgs) {
  const { sessionId } = await requireWorkshopTrainer(request, params.sessionId);
  const locale = await getLocale(request);
  return { locale, sessionId };
}

const CONTROL =
  "focus-ring w-full rounded-control border border-border-strong bg-surface px-3 py-2 text-base text-ink";

export default function KitPage({ loaderData }: Route.ComponentProps) {
  const { locale, sessionId } = loaderData;
  const { t, i18n } = useTranslation("kit");
  const title = usePageTitle(t("page.title"));
  const lang = locale === "fr" ? "fr" : "en";
  const config = kitConfig({
    sessionId,
    locale: lang,
    strings: i18n.getResourceBundle(lang, "kit")?.page ?? {},
    statuses: attendanceStatuses.map((status) => [status, t(`page.status.${status}`)]),
  });
  return (
    <UiProvider locale={uiLocale(locale)}>
      <div className="flex max-w-2xl flex-col gap-6">
        <title>{title}</title>
        <link rel="manifest" href="/kit/manifest.webmanifest" />
        <h1 className="text-3xl font-bold">{t("page.title")}</h1>
        <p id="kit-sync-status" role="status" className="font-semibold" />
        <noscript>
          <Alert tone="warning" title={t("page.title")}>
            {t("page.noScript")}
          </Alert>
        </noscript>

        <section
          id="kit-lock"
          aria-labelledby="kit-lock-title"
          className="flex flex-col gap-3"
          hidden
        >
          <h2 id="kit-lock-title" className="text-xl font-bold" data-lock-title>
            {t("page.lockTitle")}
          </h2>
          <p data-lock-intro>{t("page.lockIntro")}</p>
          <form id="kit-unlock-form" className="flex flex-col gap-3" noValidate>
            <KitField id="kit-passphrase" label={t("page.passphrase")}>
              <input
                id="kit-passphrase"
                type="password"
                autoComplete="current-password"
                className={CONTROL}
                aria-describedby="kit-lock-error"
              />
            </KitField>
            <KitField
              id="kit-passphrase-again"
              label={t("page.passphraseAgain")}
              hidden
              data-confirm
            >
              <input
                id="kit-passphrase-again"
                type="password"
                autoComplete="new-password"
                className={CONTROL}
              />
            </KitField>
            <p id="kit-lock-error" className="font-semibold text-danger-ink" role="alert" />
            <button type="submit" className={buttonClassName("primary", "md", "self-start")}>
              {t("page.unlock")}
            </button>
          </form>
        </section>

        <div id="kit-main" className="flex flex-col gap-6" hidden>
          <p id="kit-workshop" className="text-lg" />
          <div className="flex flex-wrap gap-3">
            <button type="button" id="kit-sync" className={buttonClassName("primary")}>
              {t("page.syncNow")}
            </button>
            <button type="button" id="kit-lock-now" className={buttonClassName("secondary")}>
              {t("page.lock")}
            </button>
          </div>

          <section aria-labelledby="kit-attendance-title" className="flex flex-col gap-3">
            <h2 id="kit-attendance-title" className="text-xl font-bold">
              {t("page.attendanceTitle")}
            </h2>
            <p className="text-ink-muted">{t("page.attendanceHelp")}</p>
            <p id="kit-empty-roster" hidden>
              {t("page.emptyRoster")}
            </p>
            <ul id="kit-roster" className="flex flex-col gap-3" />
          </section>

          <section aria-labelledby="kit-walk-in-title" className="flex flex-col gap-3">
            <h2 id="kit-walk-in-title" className="text-xl font-bold">
              {t("page.walkInTitle")}
            </h2>
            <p className="text-ink-muted">{t("page.walkInHelp")}</p>
            <form id="kit-walk-in-form" className="flex flex-col gap-3" noValidate>
              <KitField id="kit-walk-in-name" label={t("page.walkInName")}>
                <input
                  id="kit-walk-in-name"
                  name="displayName"
                  autoComplete="off"
                  maxLength={120}
                  className={CONTROL}
                  aria-describedby="kit-walk-in-error"
                />
              </KitField>
              <KitField id="kit-walk-in-gender" label={t("page.walkInGender")}>
                <select id="kit-walk-in-gender" name="gender" className={CONTROL}>
                  <option value="not-recorded">{t("page.notAsked")}</option>
                  {genders
                    .filter((gender) => gender !== "not-recorded")
                    .map((gender) => (
                      <option key={gender} value={gender}>
                        {genderLabels[gender][lang]}
                      </option>
                    ))}
                </select>
              </KitField>
              <KitField id="kit-walk-in-age" label={t("page.walkInAge")}>
                <select id="kit-walk-in-age" name="ageBand" className={CONTROL}>
                  <option value="unknown">{t("page.ageNotGiven")}</option>
                  {walkInAgeBands
                    .filter((band) => band !== "unknown")
                    .map((band) => (
                      <option key={band} value={band}>
                        {ageBandLabels[band][lang]}
                      </option>
                    ))}
                </select>
              </KitField>
              <p id="kit-walk-in-error" className="font-semibold text-danger-ink" role="alert" />
              <button type="submit" className={buttonClassName("primary", "md", "self-start")}>
                {t("page.addWalkIn")}
              </button>
            </form>
          </section>

          <section aria-labelledby="kit-tests-title" className="flex flex-col gap-3">
            <h2 id="kit-tests-title" className="text-xl font-bold">
              {t("page.testsTitle")}
            </h2>
            <p id="kit-no-tests" hidden>
              {t("page.noTests")}
            </p>
            <form id="kit-test-form" className="flex flex-col gap-3" noValidate>
              <p className="text-ink-muted">{t("page.testsHelp")}</p>
              <KitField id="kit-test-kind" label={t("page.testKind")}>
                <select id="kit-test-kind" className={CONTROL}>
                  <option value="pre">{t("page.pre")}</option>
                  <option value="post">{t("page.post")}</option>
                </select>
              </KitField>
              <KitField id="kit-test-person" label={t("page.testPerson")}>
                <select id="kit-test-person" className={CONTROL} />
              </KitField>
              <h3 id="kit-test-heading" className="text-lg font-bold">
                {t("page.choosePerson")}
              </h3>
              <div id="kit-test-questions" className="flex flex-col gap-4" />
              <p id="kit-test-error" className="font-semibold text-danger-ink" role="alert" />
              <button type="submit" className={buttonClassName("primary", "md", "self-start")}>
                {t("page.saveAnswers")}
              </button>
            </form>
          </section>
        </div>

        {/* Filled by kit.js; here so that their classes are in the style sheet. */}
        <template id="kit-person-template">
          <li className="rounded-control border border-border p-3">
            <fieldset className="flex flex-col gap-2">
              <legend className="font-semibold">
                <span data-name />{" "}
                <span data-badge className="text-sm font-normal text-ink-muted" />
              </legend>
              <div data-options className="flex flex-wrap gap-x-5 gap-y-1" />
            </fieldset>
          </li>
        </template>
        <template id="kit-question-template">
          <fieldset className="flex flex-col gap-2 rounded-control border border-border p-3">
            <legend className="px-1 font-semibold" />
            <div data-options className="flex flex-col gap-1" />
          </fieldset>
        </template>
        <template id="kit-option-template">
          <label className="inline-flex min-h-11 items-center gap-2">
            <input type="radio" className="h-5 w-5" />
            <span />
          </label>
        </template>
        <script
          type="application/json"
          id="kit-config"
          // JSON with "<" escaped: it cannot close the element.
          dangerouslySetInnerHTML={{ __html: config }}
        />
        <script type="module" src="/kit/kit.js" />
      </div>
    </UiProvider>
  );
}

/** A label above its control, as the app's form fields are laid out (the kit's are plain HTML). */
function KitField({
  id,
  label,
  children,
  ...rest
}: { id: string; label: string; children: ReactNode } & HTMLAttributes<HTMLDivElement>) {
  return (
    <div className="flex flex-col gap-1" {...rest}>
      <label htmlFor={id} className="font-semibold">
        {label}
      </label>
      {children}
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
