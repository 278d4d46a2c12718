import {
  type ConflictContextAudience,
  conflictContextName,
  countries,
  isConflictContext,
  type LocationCode,
  localize,
  type ProgrammeRegion,
  programmeRegions,
  regionOf,
} from "@peacelearn/domain";
import { type LocalizedProps, useUiMessages } from "../i18n/locale-context";
import { cx } from "../lib/cx";
import { Badge } from "./badge";

/** Props of {@link CountryName}. */
export interface CountryNameProps extends LocalizedProps {
  /** A programme country (ISO 3166-1) or a conflict context (ISO 3166-2, e.g. `GE-AB`). */
  code: LocationCode;
  /** Naming convention for conflict contexts (default `neutral`); countries ignore it. */
  audience?: ConflictContextAudience;
  /** Show the country's flag emoji. Never shown for a conflict context. */
  showFlag?: boolean;
  /** Show the "(disputed territory)" note after a conflict context. Defaults to true. */
  showDisputedNote?: boolean;
  className?: string;
}

/** Flag emoji from an ISO 3166-1 alpha-2 code (regional indicator symbols). */
function flagOf(alpha2: string): string {
  return Array.from(alpha2.toUpperCase())
    .map((letter) => String.fromCodePoint(0x1f1e6 + letter.charCodeAt(0) - 65))
    .join("");
}

/**
 * The name of a country or conflict context in the given locale. A disputed territory (Abkhazia)
 * is named for the chosen audience, marked "(disputed territory)" and never given a flag, so it is
 * never presented as a sovereign state.
 */
export function CountryName({
  code,
  audience = "neutral",
  showFlag,
  showDisputedNote = true,
  className,
  locale,
  messages: overrides,
}: CountryNameProps) {
  const { locale: resolved, messages } = useUiMessages(locale, overrides);
  if (isConflictContext(code)) {
    return (
      <span
        className={cx("inline-flex flex-wrap items-baseline gap-x-1", className)}
        data-disputed="true"
      >
        <span lang={resolved}>{conflictContextName(code, { audience, locale: resolved })}</span>
        {showDisputedNote ? (
          <span className="text-sm text-ink-muted">({messages.disputedTerritory})</span>
        ) : null}
      </span>
    );
  }
  return (
    <span className={cx("inline-flex items-baseline gap-1", className)}>
      {showFlag ? <span aria-hidden="true">{flagOf(countries[code].alpha2)}</span> : null}
      <span>{localize(countries[code].name, resolved)}</span>
    </span>
  );
}

/** Props of {@link RegionBadge}: give a region, or a location whose region is shown. */
export type RegionBadgeProps = LocalizedProps & { className?: string } & (
    | { region: ProgrammeRegion; location?: never }
    | { location: LocationCode; region?: never }
  );

/** The programme region as a badge, e.g. "South Caucasus" for Georgia and for Abkhazia alike. */
export function RegionBadge({ region, location, className, locale, messages }: RegionBadgeProps) {
  const { locale: resolved } = useUiMessages(locale, messages);
  const code = region ?? regionOf(location as LocationCode);
  return (
    <Badge tone="info" className={className}>
      {localize(programmeRegions[code].name, resolved)}
    </Badge>
  );
}
