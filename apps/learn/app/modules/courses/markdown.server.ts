import rehypeSanitize, { defaultSchema, type Options as SanitizeSchema } from "rehype-sanitize";
import rehypeStringify from "rehype-stringify";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import remarkRehype from "remark-rehype";
import { unified } from "unified";
import { type CalloutTitles, calloutKinds, remarkLesson } from "./remark-lesson.server";

/**
 * GitHub's schema (no raw HTML, no `javascript:` URLs, no event handlers), widened by exactly what
 * remarkLesson adds: the callout wrapper's classes and role, and lazy images.
 */
const schema: SanitizeSchema = {
  ...defaultSchema,
  attributes: {
    ...defaultSchema.attributes,
    div: [
      ...(defaultSchema.attributes?.div ?? []),
      ["className", "callout", ...calloutKinds.map((kind) => `callout-${kind}`)],
      ["role", "note"],
    ],
    p: [...(defaultSchema.attributes?.p ?? []), ["className", "callout-title"]],
    img: [...(defaultSchema.attributes?.img ?? []), ["loading", "lazy"], ["decoding", "async"]],
  },
};

/** Lesson Markdown → sanitised HTML. Raw HTML in the source is dropped, never passed through. */
export function renderLessonMarkdown(source: string, calloutTitles: CalloutTitles): string {
  return String(
    unified()
      .use(remarkParse)
      .use(remarkGfm)
      .use(remarkLesson, { calloutTitles })
      .use(remarkRehype)
      .use(rehypeSanitize, schema)
      .use(rehypeStringify)
      .processSync(source),
  );
}

type CacheEntry = { source: string; html: string };

/**
 * Rendering costs about as much as the rest of a lesson request, and lessons change only when
 * the curriculum is re-imported. The cache is keyed by translation id and checked against the
 * source itself (LessonTranslation has no updatedAt; comparing a few KB of text is far cheaper
 * than rendering it). Least recently used entries go first once the cache is full.
 */
export class LessonHtmlCache {
  readonly #entries = new Map<string, CacheEntry>();
  hits = 0;
  misses = 0;

  constructor(readonly capacity = 500) {}

  get(translationId: string, source: string, calloutTitles: CalloutTitles): string {
    const cached = this.#entries.get(translationId);
    if (cached && cached.source === source) {
      this.hits += 1;
      // Re-insert: Map keeps insertion order, so the first key is the least recently used.
      this.#entries.delete(translationId);
      this.#entries.set(translationId, cached);
      return cached.html;
    }
    this.misses += 1;
    const html = renderLessonMarkdown(source, calloutTitles);
    this.#entries.delete(translationId);
    this.#entries.set(translationId, { source, html });
    if (this.#entries.size > this.capacity) {
      const oldest = this.#entries.keys().next().value;
      if (oldest !== undefined) this.#entries.delete(oldest);
    }
    return html;
  }

  get size() {
    return this.#entries.size;
  }
}

/** The process-wide cache (one translation is always rendered with its own locale's titles). */
export const lessonHtmlCache = new LessonHtmlCache();
