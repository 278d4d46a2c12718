import { calloutKinds as markdownCalloutKinds } from "@peacelearn/curriculum/vocabulary";
import type { Blockquote, Nodes, Paragraph, Root } from "mdast";

// The kinds are the curriculum's (its validator is their one owner): lower case here, because
// they name CSS classes and translation keys.
type CalloutKind = Lowercase<(typeof markdownCalloutKinds)[number]>;
export const calloutKinds = markdownCalloutKinds.map((kind) => kind.toLowerCase() as CalloutKind);
export type CalloutTitles = Record<CalloutKind, string>;

/** Like GitHub: the marker must be the whole first line of the quote (any case, as on GitHub). */
const marker = new RegExp(`^\\[!(${calloutKinds.join("|")})\\][ \\t]*(?:\\r?\\n|$)`, "i");

/**
 * Shapes lesson Markdown before it becomes HTML:
 * - `> [!NOTE]` blockquotes become `<div role="note" class="callout callout-note">` with a
 *   translated title paragraph (screen readers hear "note", and the title says which kind);
 * - `#` headings become `##`: the page's `<h1>` is the lesson title;
 * - images load lazily, so text arrives first on a slow link.
 * The sanitiser runs after this and only lets through the exact classes and roles added here.
 */
export function remarkLesson(options: { calloutTitles: CalloutTitles }) {
  return (tree: Root) => {
    walk(tree, options.calloutTitles);
  };
}

function walk(node: Nodes, titles: CalloutTitles) {
  if (node.type === "blockquote") toCallout(node, titles);
  if (node.type === "heading" && node.depth === 1) node.depth = 2;
  if (node.type === "image") {
    node.data = { ...node.data, hProperties: { loading: "lazy", decoding: "async" } };
  }
  if ("children" in node) {
    for (const child of node.children) walk(child, titles);
  }
}

function toCallout(quote: Blockquote, titles: CalloutTitles) {
  const first = quote.children[0];
  if (first?.type !== "paragraph") return;
  const text = first.children[0];
  if (text?.type !== "text") return;
  const match = marker.exec(text.value);
  if (!match) return;
  const kind = (match[1] ?? "note").toLowerCase() as CalloutKind;

  text.value = text.value.slice(match[0].length);
  if (text.value === "") first.children.shift();
  if (first.children.length === 0) quote.children.shift();

  const title: Paragraph = {
    type: "paragraph",
    children: [{ type: "text", value: titles[kind] }],
    data: { hProperties: { className: ["callout-title"] } },
  };
  quote.children.unshift(title);
  quote.data = {
    ...quote.data,
    hName: "div",
    hProperties: { className: ["callout", `callout-${kind}`], role: "note" },
  };
}
