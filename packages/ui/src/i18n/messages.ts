import type { Locale } from "@peacelearn/domain";

/** Languages the kit ships strings for: `Locale` of `@peacelearn/domain` ("en" | "fr"). */
export type UiLocale = Locale;

/**
 * Every string the components render on their own. Values may contain `{name}` placeholders,
 * filled by {@link formatMessage}.
 */
export interface UiMessages {
  close: string;
  required: string;
  errorPrefix: string;
  errorSummaryTitle: string;
  notifications: string;
  dismissNotification: string;
  sortAscending: string;
  sortDescending: string;
  pagination: string;
  previousPage: string;
  nextPage: string;
  pageOf: string;
  goToPage: string;
  breadcrumbs: string;
  progressValue: string;
  loading: string;
  disputedTerritory: string;
  suppressed: string;
  fewerThan: string;
  suppressedNote: string;
  hiddenCell: string;
  hiddenNote: string;
  chartDescription: string;
  showDataTable: string;
  hideDataTable: string;
  women: string;
  men: string;
  otherGenders: string;
  ageBand: string;
  gender: string;
  total: string;
  count: string;
  dacGenderMarker: string;
  iascGenderAgeMarker: string;
}

/** Built-in English strings. */
export const enMessages: UiMessages = {
  close: "Close",
  required: "required",
  errorPrefix: "Error:",
  errorSummaryTitle: "There is a problem",
  notifications: "Notifications",
  dismissNotification: "Dismiss notification",
  sortAscending: "sort ascending",
  sortDescending: "sort descending",
  pagination: "Pagination",
  previousPage: "Previous page",
  nextPage: "Next page",
  pageOf: "Page {page} of {total}",
  goToPage: "Page {page}",
  breadcrumbs: "Breadcrumb",
  progressValue: "{value} of {max}",
  loading: "Loading…",
  disputedTerritory: "disputed territory",
  suppressed: "suppressed",
  fewerThan: "<{min}",
  suppressedNote:
    "“<{min}”: fewer than {min} people; the exact number is hidden to protect privacy.",
  hiddenCell: "hidden",
  hiddenNote:
    "“hidden”: withheld so that a small number cannot be worked out from the other figures.",
  chartDescription:
    "Women on the left, men on the right, by age band. The table gives every figure.",
  showDataTable: "Show data table",
  hideDataTable: "Hide data table",
  women: "Women",
  men: "Men",
  otherGenders: "Other genders and not stated",
  ageBand: "Age band",
  gender: "Gender",
  total: "Total",
  count: "Count",
  dacGenderMarker: "DAC gender equality marker",
  iascGenderAgeMarker: "IASC gender with age marker",
};

/** Built-in French strings. */
export const frMessages: UiMessages = {
  close: "Fermer",
  required: "obligatoire",
  errorPrefix: "Erreur :",
  errorSummaryTitle: "Il y a un problème",
  notifications: "Notifications",
  dismissNotification: "Fermer la notification",
  sortAscending: "trier par ordre croissant",
  sortDescending: "trier par ordre décroissant",
  pagination: "Pagination",
  previousPage: "Page précédente",
  nextPage: "Page suivante",
  pageOf: "Page {page} sur {total}",
  goToPage: "Page {page}",
  breadcrumbs: "Fil d’Ariane",
  progressValue: "{value} sur {max}",
  loading: "Chargement…",
  disputedTerritory: "territoire contesté",
  suppressed: "masqué",
  fewerThan: "<{min}",
  suppressedNote:
    "« <{min} » : moins de {min} personnes ; le nombre exact est masqué pour protéger la vie privée.",
  hiddenCell: "masqué",
  hiddenNote:
    "« masqué » : retenu pour qu’un petit effectif ne puisse pas être déduit des autres chiffres.",
  chartDescription:
    "Femmes à gauche, hommes à droite, par tranche d’âge. Le tableau donne tous les chiffres.",
  showDataTable: "Afficher le tableau de données",
  hideDataTable: "Masquer le tableau de données",
  women: "Femmes",
  men: "Hommes",
  otherGenders: "Autres genres et non précisé",
  ageBand: "Tranche d’âge",
  gender: "Genre",
  total: "Total",
  count: "Effectif",
  dacGenderMarker: "Marqueur égalité hommes-femmes du CAD",
  iascGenderAgeMarker: "Marqueur genre et âge de l’IASC",
};

/** Built-in strings by locale. */
export const builtInMessages: Record<UiLocale, UiMessages> = { en: enMessages, fr: frMessages };

/** Fills `{name}` placeholders; unknown placeholders are left as they are so a typo is visible. */
export function formatMessage(
  template: string,
  values: Record<string, string | number> = {},
): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) =>
    key in values ? String(values[key]) : whole,
  );
}
