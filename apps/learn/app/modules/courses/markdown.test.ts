import { describe, expect, it } from "vitest";
import { LessonHtmlCache, renderLessonMarkdown } from "./markdown.server";
import type { CalloutTitles } from "./remark-lesson.server";

const titles: CalloutTitles = {
  note: "Remarque",
  tip: "Conseil",
  important: "Important",
  warning: "Attention",
  caution: "Prudence",
};
const render = (source: string) => renderLessonMarkdown(source, titles);

describe("lesson Markdown sanitising", () => {
  it("drops script tags and raw HTML event handlers", () => {
    const html = render(
      'Intro\n\n<script>alert("x")</script>\n\n<img src="x.png" onerror="alert(1)">\n\n<p onclick="steal()">hi</p>',
    );
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/alert/);
    expect(html).not.toMatch(/onerror|onclick/i);
    expect(html).toContain("<p>Intro</p>");
  });

  it("removes javascript: and data: URLs from links and images", () => {
    const html = render(
      "[click](javascript:alert(1)) [x](JaVaScRiPt:alert(2)) ![pic](javascript:alert(3)) [d](data:text/html,hi)",
    );
    expect(html).not.toMatch(/javascript:/i);
    expect(html).not.toMatch(/data:/i);
    expect(html).toContain("<a>click</a>");
  });

  it("keeps safe links, headings, lists, tables and images with their alt text", () => {
    const html = render(
      "## Pillars\n\n- one\n- two\n\n1. first\n\n[UN](https://www.un.org/) ![A peace committee meeting](images/committee.jpg)\n\n| a | b |\n|---|---|\n| 1 | 2 |",
    );
    expect(html).toContain("<h2>Pillars</h2>");
    expect(html).toContain("<ul>\n<li>one</li>");
    expect(html).toContain("<ol>\n<li>first</li>");
    expect(html).toContain('<a href="https://www.un.org/">UN</a>');
    expect(html).toContain(
      '<img src="images/committee.jpg" alt="A peace committee meeting" loading="lazy" decoding="async">',
    );
    expect(html).toContain("<table>");
  });

  it("turns # into ## (the page's h1 is the lesson title)", () => {
    expect(render("# Title\n\n### Sub")).toBe("<h2>Title</h2>\n<h3>Sub</h3>");
  });

  it("does not let authors forge call-out markup or other classes", () => {
    const html = render('<div class="callout callout-note" role="note">fake</div>\n\n`code`');
    expect(html).not.toContain("fake");
    expect(render("```js\nx\n```")).toContain('<code class="language-js">');
  });
});

describe("call-outs", () => {
  it("renders every GitHub alert kind as a titled note", () => {
    for (const [kind, title] of Object.entries(titles)) {
      const html = render(`> [!${kind.toUpperCase()}]\n> Keep **contacts** offline.`);
      expect(html).toBe(
        `<div class="callout callout-${kind}" role="note">\n<p class="callout-title">${title}</p>\n<p>Keep <strong>contacts</strong> offline.</p>\n</div>`,
      );
    }
  });

  it("accepts a lower-case marker and a marker-only quote", () => {
    expect(render("> [!tip]\n> Short.")).toContain('class="callout callout-tip"');
    expect(render("> [!WARNING]")).toBe(
      '<div class="callout callout-warning" role="note">\n<p class="callout-title">Attention</p>\n</div>',
    );
  });

  it("leaves ordinary and unknown quotes as blockquotes", () => {
    expect(render("> Think of one decision.")).toBe(
      "<blockquote>\n<p>Think of one decision.</p>\n</blockquote>",
    );
    expect(render("> [!DANGER]\n> text")).toContain("<blockquote>");
    // GitHub requires the marker on its own line.
    expect(render("> [!NOTE] inline title")).toContain("<blockquote>");
  });
});

describe("LessonHtmlCache", () => {
  it("renders once per translation and re-renders when the source changes", () => {
    const cache = new LessonHtmlCache(2);
    const first = cache.get("t1", "Hello", titles);
    expect(cache.get("t1", "Hello", titles)).toBe(first);
    expect(cache.hits).toBe(1);
    expect(cache.misses).toBe(1);
    expect(cache.get("t1", "Bonjour", titles)).toBe("<p>Bonjour</p>");
    expect(cache.misses).toBe(2);
  });

  it("evicts the least recently used translation beyond its capacity", () => {
    const cache = new LessonHtmlCache(2);
    cache.get("a", "A", titles);
    cache.get("b", "B", titles);
    cache.get("a", "A", titles); // a is now the most recent
    cache.get("c", "C", titles); // evicts b
    expect(cache.size).toBe(2);
    const misses = cache.misses;
    cache.get("a", "A", titles);
    expect(cache.misses).toBe(misses);
    cache.get("b", "B", titles);
    expect(cache.misses).toBe(misses + 1);
  });
});
