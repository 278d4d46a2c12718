// Codes used in course.yaml come from the programme's shared vocabulary, so a course tagged here
// means the same thing in reports and filters in the app.
import {
  type ActivityType,
  activityTypes,
  type Locale,
  locales,
  type ProgrammeRegion,
  programmeRegionCodes,
  type Theme,
  themes,
} from "@peacelearn/domain";

export const curriculumLocales = locales;
export type CurriculumLocale = Locale;

export const programmeRegions = programmeRegionCodes;
export type ProgrammeRegionCode = ProgrammeRegion;

export const thematicDomains = themes;
export type ThematicDomainCode = Theme;

export { activityTypes };
export type ActivityTypeCode = ActivityType;

/** GitHub-style alert kinds accepted in lesson Markdown: `> [!NOTE]`. */
export const calloutKinds = ["NOTE", "TIP", "IMPORTANT", "WARNING", "CAUTION"] as const;
export type CalloutKind = (typeof calloutKinds)[number];
