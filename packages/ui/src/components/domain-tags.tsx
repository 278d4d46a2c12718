import {
  type ActivityType,
  activityTypeDescriptions,
  activityTypeLabels,
  type DacGenderMarker,
  dacGenderMarker,
  type IascGenderAgeMarker,
  iascGenderAgeMarker,
  localize,
} from "@peacelearn/domain";
import { type LocalizedProps, useUiMessages } from "../i18n/locale-context";
import { cx } from "../lib/cx";
import { Badge, type Tone } from "./badge";

/** Props of {@link ActivityTypeTag}. */
export interface ActivityTypeTagProps extends LocalizedProps {
  type: ActivityType;
  /** Also show the one-sentence description under the tag. */
  showDescription?: boolean;
  className?: string;
}

/** The label of an activity type as a tag, with its description on demand. */
export function ActivityTypeTag({
  type,
  showDescription,
  className,
  locale,
  messages,
}: ActivityTypeTagProps) {
  const { locale: resolved } = useUiMessages(locale, messages);
  const description = localize(activityTypeDescriptions[type], resolved);
  const tag = (
    <Badge tone="neutral" title={description} className={showDescription ? undefined : className}>
      {localize(activityTypeLabels[type], resolved)}
    </Badge>
  );
  if (!showDescription) return tag;
  return (
    <span className={cx("inline-flex flex-col items-start gap-1", className)}>
      {tag}
      <span className="text-sm text-ink-muted">{description}</span>
    </span>
  );
}

/** Props of {@link MarkerBadge}. */
export type MarkerBadgeProps = LocalizedProps & {
  /** Show the official definition under the badge. */
  showDefinition?: boolean;
  className?: string;
} & (
    | { marker: "dac-gender"; code: DacGenderMarker }
    | { marker: "iasc-gam"; code: IascGenderAgeMarker }
  );

const dacTones: Record<DacGenderMarker, Tone> = { 0: "neutral", 1: "info", 2: "success" };
const gamTones: Record<IascGenderAgeMarker, Tone> = {
  0: "neutral",
  1: "neutral",
  2: "info",
  3: "success",
  4: "success",
  // Not applicable (no contact with affected people): no score to echo.
  "N/A": "neutral",
};

/**
 * A gender marker score with its official name: the OECD DAC gender equality marker (0–2) or the
 * IASC Gender with Age Marker (0–4, or N/A). The text carries the meaning; colour only echoes it.
 */
export function MarkerBadge(props: MarkerBadgeProps) {
  const { showDefinition, className, locale, messages: overrides } = props;
  const { locale: resolved, messages } = useUiMessages(locale, overrides);
  const value =
    props.marker === "dac-gender" ? dacGenderMarker[props.code] : iascGenderAgeMarker[props.code];
  const markerName =
    props.marker === "dac-gender" ? messages.dacGenderMarker : messages.iascGenderAgeMarker;
  const tone = props.marker === "dac-gender" ? dacTones[props.code] : gamTones[props.code];
  const name = localize(value.name, resolved);
  const definition = localize(value.definition, resolved);
  const badge = (
    <Badge tone={tone} title={definition} className={showDefinition ? undefined : className}>
      <span className="sr-only">
        {markerName}
        {resolved === "fr" ? " : " : ": "}
      </span>
      <span className="tabular-nums">{value.code}</span>
      <span aria-hidden="true">·</span>
      <span>{name}</span>
    </Badge>
  );
  if (!showDefinition) return badge;
  return (
    <span className={cx("inline-flex flex-col items-start gap-1", className)}>
      {badge}
      <span className="text-sm text-ink-muted">{definition}</span>
    </span>
  );
}
