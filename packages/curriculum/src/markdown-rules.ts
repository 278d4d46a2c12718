import { existsSync } from "node:fs";
import { dirname, resolve } from "node:path";
import type { Nodes, Root } from "mdast";
import { fromMarkdown } from "mdast-util-from-markdown";
import { gfmFromMarkdown } from "mdast-util-gfm";
import { gfm } from "micromark-extension-gfm";
import type { IssueCollector } from "./issues";
import { calloutKinds } from "./vocabulary";

/** Tags an author may paste by accident that must never reach a trainee's phone. */
const dangerousTags = /^<\s*\/?\s*(script|iframe|object|embed|style|form|input|link|meta|svg|img)/i;
const calloutMarker = /^\[!([A-Za-z]+)\]/;
const wordPattern = /[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu;

export interface MarkdownReport {
  wordCount: number;
  calloutCount: number;
  imageCount: number;
}

export interface MarkdownContext {
  file: string;
  /** 0-based line where the body starts in the file, so positions point into the real file. */
  lineOffset: number;
  /** Whether a `#` heading is allowed (lesson titles come from front matter, so lessons say no). */
  allowH1: boolean;
}

function parseMarkdown(body: string): Root {
  return fromMarkdown(body, { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] });
}

function isAllowedUrl(url: string): boolean {
  if (/^https?:\/\//i.test(url)) return true;
  // Anything with a scheme (javascript:, data:, file:, mailto:…) is refused; the rest is relative.
  return !/^[a-z][a-z0-9+.-]*:/i.test(url) && !url.startsWith("//");
}

/** Checks lesson/course/module Markdown against the authoring rules and measures it. */
export function checkMarkdown(
  body: string,
  context: MarkdownContext,
  issues: IssueCollector,
): MarkdownReport {
  const tree = parseMarkdown(body);
  const report: MarkdownReport = { wordCount: 0, calloutCount: 0, imageCount: 0 };
  const at = (node: Nodes) => ({
    line: node.position ? node.position.start.line + context.lineOffset : undefined,
    column: node.position?.start.column,
  });
  const flag = (node: Nodes, message: string) => {
    const { line, column } = at(node);
    issues.add(context.file, message, line, column);
  };

  const visit = (node: Nodes) => {
    switch (node.type) {
      case "html": {
        const tag = dangerousTags.exec(node.value.trim());
        flag(
          node,
          tag
            ? `raw HTML <${tag[1]?.toLowerCase()}> is not allowed in lesson Markdown`
            : `raw HTML is not allowed in lesson Markdown (found ${JSON.stringify(node.value.trim().slice(0, 40))}); use Markdown instead`,
        );
        return;
      }
      case "heading":
        if (node.depth === 1 && !context.allowH1) {
          flag(node, "use ## or deeper headings; the lesson title comes from front matter");
        }
        break;
      case "image": {
        report.imageCount += 1;
        if (!node.alt?.trim()) flag(node, `image "${node.url}" has no alt text`);
        if (!isAllowedUrl(node.url) || /^https?:/i.test(node.url)) {
          flag(
            node,
            `image "${node.url}" must be a relative path to a file shipped with the course`,
          );
        } else if (!existsSync(resolve(dirname(context.file), node.url.split(/[?#]/)[0] ?? ""))) {
          flag(node, `image "${node.url}" does not exist`);
        }
        return;
      }
      case "imageReference":
        flag(node, "use inline images ![alt](path) so alt text and path are checked");
        return;
      case "link":
      case "definition":
        if (!isAllowedUrl(node.url)) {
          flag(node, `link "${node.url}" must be an http(s) URL or a relative path`);
        }
        break;
      case "blockquote": {
        const first = node.children[0];
        const lead = first?.type === "paragraph" ? first.children[0] : undefined;
        const marker = lead?.type === "text" ? calloutMarker.exec(lead.value) : null;
        if (marker) {
          const kind = marker[1]?.toUpperCase() ?? "";
          if (!(calloutKinds as readonly string[]).includes(kind) || marker[1] !== kind) {
            flag(
              node,
              `unknown call-out "[!${marker[1]}]"; use one of ${calloutKinds.map((k) => `[!${k}]`).join(", ")}`,
            );
          }
          report.calloutCount += 1;
        }
        break;
      }
      case "text":
      case "inlineCode":
        report.wordCount += node.value.match(wordPattern)?.length ?? 0;
        return;
      default:
        break;
    }
    if ("children" in node) for (const child of node.children) visit(child as Nodes);
  };
  visit(tree);
  return report;
}
