import type { CurriculumLocale } from "../vocabulary";
import type { LocaleRecords } from "./course-records";

interface StoredTranslation {
  id: string;
  locale: string;
}

/** How to write one kind of translation row; the parent id is bound by the caller. */
export interface TranslationWriter<R> {
  create(locale: CurriculumLocale, record: R): Promise<unknown>;
  update(id: string, record: R): Promise<unknown>;
  remove(ids: string[]): Promise<unknown>;
}

/** Whether every column of `record` already has that value in `row`. */
function sameValues<R extends object>(row: object, record: R): boolean {
  const stored = row as Record<string, unknown>;
  return Object.entries(record).every(([key, value]) => stored[key] === value);
}

/**
 * Brings a parent's translation rows in line with the source: creates missing locales, updates
 * the rows whose text differs, and deletes locales the source no longer has (translations are
 * content, never learner data). Writes nothing when everything matches. Returns whether it wrote.
 */
export async function syncTranslations<R extends object>(
  stored: readonly StoredTranslation[],
  desired: LocaleRecords<R>,
  writer: TranslationWriter<R>,
): Promise<boolean> {
  let changed = false;
  const byLocale = new Map(stored.map((row) => [row.locale, row]));
  for (const [locale, record] of desired) {
    const row = byLocale.get(locale);
    if (!row) {
      await writer.create(locale, record);
      changed = true;
    } else if (!sameValues(row, record)) {
      await writer.update(row.id, record);
      changed = true;
    }
  }
  const stale = stored
    .filter((row) => !desired.has(row.locale as CurriculumLocale))
    .map((row) => row.id);
  if (stale.length > 0) {
    await writer.remove(stale);
    changed = true;
  }
  return changed;
}
