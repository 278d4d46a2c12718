/**
 * Text folded for matching what people type: no accents, lower case — "securite" finds
 * "Sécurité", "GENRE" finds "genre", "Libéria" matches "liberia". One rule for every search.
 */
export function foldForSearch(text: string): string {
  return text.normalize("NFD").replace(/\p{M}/gu, "").toLocaleLowerCase("und");
}
