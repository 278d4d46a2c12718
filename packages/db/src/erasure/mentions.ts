/**
 * Finding a person in free text: accent-, case- and spacing-insensitive, on whole words only.
 * "Zanele Qx7-Okonkwo" is found in "…spoke to ZANELE  qx7-okonkwo…" and "Mariama" in "Mâriama's",
 * but "Ana" is not found in "Banana". Offsets are in the original string (UTF-16 code units), so
 * a mention can be replaced without touching the text around it.
 */

export type Span = { start: number; end: number };

/** What identifies the person, split by how sure a match is to be about her. */
export type Identifiers = {
  /** A match is her: replaced without asking (full e-mail, full name, distinctive e-mail name). */
  certain: string[];
  /** A match may be someone else (a first name alone, a surname, her organisation): held. */
  uncertain: string[];
};

const MIN_TERM_LENGTH = 3;

type Folded = { text: string; origin: number[] };

/**
 * Lower case, without diacritics, every run of white space as one space. `origin[i]` is where
 * the i-th folded character came from in the original (with one extra entry for the end).
 */
function fold(text: string): Folded {
  let folded = "";
  const origin: number[] = [];
  let index = 0;
  let lastWasSpace = false;
  for (const char of text) {
    const isSpace = /\s/u.test(char);
    if (isSpace) {
      if (!lastWasSpace) {
        folded += " ";
        origin.push(index);
      }
    } else {
      const plain = char.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();
      for (const unit of plain) {
        folded += unit;
        origin.push(index);
      }
    }
    lastWasSpace = isSpace;
    index += char.length;
  }
  origin.push(index);
  return { text: folded, origin };
}

/** The folded form of a search term (what two spellings of the same name have in common). */
function foldTerm(term: string): string {
  return fold(term.trim()).text;
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** Where `terms` occur in `text` as whole words, merged and in order. */
export function findMentions(text: string, terms: readonly string[]): Span[] {
  const wanted = [...new Set(terms.map(foldTerm))].filter((t) => t.length >= MIN_TERM_LENGTH);
  if (wanted.length === 0 || text.length === 0) return [];
  const folded = fold(text);
  // Longest first, so "Zanele Qx7" wins over "Zanele" where both start.
  wanted.sort((a, b) => b.length - a.length);
  const pattern = new RegExp(
    `(?<![\\p{L}\\p{N}])(?:${wanted.map(escapeRegExp).join("|")})(?![\\p{L}\\p{N}])`,
    "gu",
  );
  const spans: Span[] = [];
  for (const match of folded.text.matchAll(pattern)) {
    const first = match.index;
    const last = first + match[0].length;
    const start = folded.origin[first] ?? 0;
    // The end of the last matched character: the origin of the next folded one, or the text's end.
    let end = folded.origin[last] ?? text.length;
    // A multi-unit character (folded to several letters) maps all of them to its start: step past it.
    while (end <= start) end += 1;
    spans.push({ start, end });
  }
  return merge(spans);
}

function merge(spans: Span[]): Span[] {
  const sorted = [...spans].sort((a, b) => a.start - b.start);
  const merged: Span[] = [];
  for (const span of sorted) {
    const last = merged.at(-1);
    if (last && span.start <= last.end) last.end = Math.max(last.end, span.end);
    else merged.push({ ...span });
  }
  return merged;
}

/** `text` with every span replaced by `replacement`. */
export function replaceSpans(text: string, spans: readonly Span[], replacement: string): string {
  let result = "";
  let from = 0;
  for (const span of merge([...spans])) {
    result += text.slice(from, span.start) + replacement;
    from = span.end;
  }
  return result + text.slice(from);
}

/**
 * The person's identifiers. Certain: the full e-mail, the full name and the e-mail's local part
 * when it is distinctive (5+ characters). Uncertain: each part of the name on its own and the
 * organisation, which colleagues and namesakes share.
 */
export function identifiersOf(person: {
  email: string;
  displayName: string;
  organisation: string | null;
}): Identifiers {
  const email = person.email.trim();
  const local = email.split("@")[0] ?? "";
  const name = person.displayName.trim();
  const certain = [email, name];
  if (foldTerm(local).length >= 5 && /\p{L}/u.test(local)) certain.push(local);
  const nameParts = name.split(/[\s\-‐‑–—.,'’]+/u).filter((part) => part.length > 0);
  const uncertain = nameParts.length > 1 ? [...nameParts] : [];
  if (person.organisation?.trim()) uncertain.push(person.organisation.trim());
  const usable = (terms: string[]) =>
    [...new Set(terms)].filter((term) => foldTerm(term).length >= MIN_TERM_LENGTH);
  const certainFolded = new Set(usable(certain).map(foldTerm));
  return {
    certain: usable(certain),
    uncertain: usable(uncertain).filter((term) => !certainFolded.has(foldTerm(term))),
  };
}
