import {
  conflictContexts,
  countries,
  localize,
  locationName,
  type ProgrammeRegion,
  programmeRegionCodes,
  programmeRegions,
} from "@peacelearn/domain";
import { Badge, Card, LinkButton } from "@peacelearn/ui";
import { href } from "react-router";
import { AppLink } from "~/components/app-link";
import { useTranslation } from "~/lib/i18n-react";
import { getLocale } from "~/lib/locale.server";
import { useDiscreetMode, usePageTitle } from "~/lib/page-title";
import { getUser } from "~/modules/auth/guards.server";
import type { Route } from "./+types/index";

type RegionView = {
  code: ProgrammeRegion;
  name: string;
  countries: { code: string; name: string }[];
  conflictContexts: { code: string; name: string; parentName: string }[];
};

export async function loader({ request }: Route.LoaderArgs) {
  const [locale, user] = await Promise.all([getLocale(request), getUser(request)]);
  const regions: RegionView[] = programmeRegionCodes.map((code) => {
    const region = programmeRegions[code];
    return {
      code,
      name: localize(region.name, locale),
      countries: region.countries.map((country) => ({
        code: country,
        name: localize(countries[country].name, locale),
      })),
      conflictContexts: region.conflictContexts.map((context) => ({
        code: context,
        name: locationName(context, { locale }),
        parentName: localize(countries[conflictContexts[context].parent].name, locale),
      })),
    };
  });
  return { regions, signedIn: user !== null };
}

export default function Home({ loaderData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const pageTitle = usePageTitle(t("home.title"));
  // Discreet mode: a neutral heading and the way in, nothing about what the programme is for.
  const discreet = useDiscreetMode();
  // Signed in: the way on to her own learning, not an invitation to sign up again.
  const waysIn = loaderData.signedIn
    ? [
        { to: href("/learning"), label: t("home.continueLearning") },
        { to: href("/courses"), label: t("home.browseCourses") },
      ]
    : [
        { to: href("/signup"), label: t("auth:nav.signup") },
        { to: href("/login"), label: t("auth:nav.login") },
      ];
  return (
    <div className="flex flex-col gap-10">
      <title>{pageTitle}</title>
      <section aria-labelledby="home-title" className="flex flex-col gap-4">
        <h1 id="home-title" className="text-3xl font-bold sm:text-4xl">
          {discreet ? t("safety:discreet.neutralName") : t("app.tagline")}
        </h1>
        {discreet ? null : <p className="max-w-3xl text-lg">{t("home.intro")}</p>}
        <div className="flex flex-wrap gap-3">
          {waysIn.map((way, index) => (
            <LinkButton
              key={way.to}
              as={AppLink}
              to={way.to}
              variant={index === 0 ? "primary" : "secondary"}
            >
              {way.label}
            </LinkButton>
          ))}
        </div>
      </section>

      {discreet ? null : <Regions regions={loaderData.regions} />}
    </div>
  );
}

/** Where the programme works: its regions, countries and conflict contexts. */
function Regions({ regions }: { regions: RegionView[] }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="regions-title">
      <h2 id="regions-title" className="mb-4 text-2xl font-bold">
        {t("home.regionsHeading")}
      </h2>
      <ul className="grid gap-4 sm:grid-cols-2">
        {regions.map((region) => (
          <li key={region.code}>
            <Card className="h-full">
              <h3 className="text-xl font-bold">{region.name}</h3>
              <p className="text-sm text-ink-muted">
                {t("home.regionCountries", { count: region.countries.length })}
              </p>
              <ul className="mt-3 flex flex-wrap gap-2">
                {region.countries.map((country) => (
                  <li key={country.code}>
                    <Badge>{country.name}</Badge>
                  </li>
                ))}
              </ul>
              {region.conflictContexts.length > 0 ? (
                <div className="mt-4">
                  <h4 className="text-sm font-semibold">{t("home.conflictContexts")}</h4>
                  <ul className="mt-2 flex flex-col gap-1">
                    {region.conflictContexts.map((context) => (
                      <li key={context.code}>
                        <Badge tone="warning">{context.name}</Badge>{" "}
                        <span className="text-sm text-ink-muted">
                          {t("home.disputedNote", { parent: context.parentName })}
                        </span>
                      </li>
                    ))}
                  </ul>
                </div>
              ) : null}
            </Card>
          </li>
        ))}
      </ul>
    </section>
  );
}
