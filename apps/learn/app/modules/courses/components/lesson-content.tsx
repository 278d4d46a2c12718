/**
 * Styles for the sanitised lesson HTML (there is no typography plugin: these few rules are all a
 * lesson uses). Call-out colours reuse the Alert tones so they pass the same contrast checks.
 */
const lessonContentClasses = [
  "text-lg leading-relaxed [&>*+*]:mt-4",
  "[&_h2]:mt-8 [&_h2]:text-2xl [&_h2]:font-bold [&_h3]:mt-6 [&_h3]:text-xl [&_h3]:font-bold",
  "[&_h4]:mt-4 [&_h4]:font-bold",
  "[&_ul]:list-disc [&_ul]:ps-6 [&_ol]:list-decimal [&_ol]:ps-6 [&_li+li]:mt-1",
  "[&_a]:text-primary [&_a]:underline [&_strong]:font-bold [&_em]:italic",
  "[&_blockquote]:border-s-4 [&_blockquote]:border-border-strong [&_blockquote]:ps-4",
  "[&_img]:h-auto [&_img]:max-w-full [&_hr]:border-border",
  "[&_table]:block [&_table]:max-w-full [&_table]:overflow-x-auto [&_table]:border-collapse",
  "[&_td]:border [&_td]:border-border [&_td]:p-2 [&_th]:border [&_th]:border-border [&_th]:p-2",
  "[&_code]:rounded [&_code]:bg-surface-muted [&_code]:px-1",
  "[&_.callout]:rounded-card [&_.callout]:border-s-4 [&_.callout]:p-4 [&_.callout>*+*]:mt-2",
  "[&_.callout-title]:font-bold",
  "[&_.callout-note]:border-info-border [&_.callout-note]:bg-info-surface",
  "[&_.callout-tip]:border-success-border [&_.callout-tip]:bg-success-surface",
  "[&_.callout-important]:border-primary [&_.callout-important]:bg-surface-muted",
  "[&_.callout-warning]:border-warning-border [&_.callout-warning]:bg-warning-surface",
  "[&_.callout-caution]:border-danger-border [&_.callout-caution]:bg-danger-surface",
].join(" ");

/** A lesson body: HTML rendered and sanitised on the server (markdown.server.ts). */
export function LessonContent({ html }: { html: string }) {
  return (
    <div
      className={lessonContentClasses}
      // Sanitised by rehype-sanitize on the server (markdown.server.ts).
      dangerouslySetInnerHTML={{ __html: html }}
    />
  );
}
