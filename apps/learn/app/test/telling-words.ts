// Words that say what the site is for, or that a page is about sensitive things (issue 12): in
// discreet mode none may appear in a page's title, address, links, header, breadcrumbs or main
// heading, in English or French, nor on the service worker's offline page. Lower case, matched
// as substrings; at least four letters each, so a neutral address's random-looking token can
// never contain one by chance.

const tellingWords = [
  // What the programme is about.
  "gender",
  "genre",
  "conflict",
  "conflit",
  "violence",
  "peace",
  "paix",
  "1325",
  "advoca",
  "plaidoyer",
  "défenseu",
  "women",
  "femmes",
  "masculinit",
  "féminis",
  "feminis",
  "sexual",
  "sexuel",
  "justice",
  // What the site is, and its safety features' own names.
  "peacelearn",
  "quick exit",
  "leave this site",
  "quitter",
  "rapidement",
  "discreet",
  "discret",
] as const;

/** The telling words found in `text` (compared in lower case). */
export function tellingWordsIn(text: string): string[] {
  const lower = text.toLowerCase();
  return tellingWords.filter((word) => lower.includes(word));
}
