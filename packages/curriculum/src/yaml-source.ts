import { type Document, isMap, isNode, isScalar, LineCounter, parseDocument } from "yaml";
import type { z } from "zod";
import type { IssueCollector } from "./issues";

/** A parsed YAML document that can map a data path back to a line in its file. */
export interface YamlSource {
  file: string;
  /** 0-based line in the file where the YAML text starts (front matter starts after `---`). */
  lineOffset: number;
  document: Document.Parsed;
  lineCounter: LineCounter;
}

export function parseYaml(
  file: string,
  text: string,
  issues: IssueCollector,
  lineOffset = 0,
): YamlSource | undefined {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  if (document.errors.length > 0) {
    for (const error of document.errors) {
      const pos = lineCounter.linePos(error.pos[0]);
      issues.add(file, `YAML: ${error.message.split("\n")[0]}`, pos.line + lineOffset, pos.col);
    }
    return undefined;
  }
  return { file, lineOffset, document, lineCounter };
}

/**
 * The line of the deepest node along `path` that exists. For a value we point at its key so that
 * "title: must not be empty" lands on the `title:` line; a missing key points at its parent map.
 */
export function lineOfPath(source: YamlSource, path: readonly PropertyKey[]): number {
  let node: unknown = source.document.contents;
  let offset = 0;
  for (const segment of path) {
    if (!isNode(node)) break;
    if (isMap(node)) {
      const pair = node.items.find((item) => isScalar(item.key) && item.key.value === segment);
      if (!pair) break;
      node = pair.value ?? pair.key;
      if (isNode(pair.key) && pair.key.range) offset = pair.key.range[0];
      continue;
    }
    const items = (node as { items?: unknown[] }).items;
    const next = typeof segment === "number" && items ? items[segment] : undefined;
    if (!isNode(next)) break;
    node = next;
    if (next.range) offset = next.range[0];
  }
  if (offset === 0 && isNode(source.document.contents) && source.document.contents.range) {
    offset = source.document.contents.range[0];
  }
  return source.lineCounter.linePos(offset).line + source.lineOffset;
}

/** Validates the document against a zod schema, reporting every issue at the line of its key. */
export function validateYaml<T>(
  source: YamlSource,
  schema: z.ZodType<T>,
  issues: IssueCollector,
): T | undefined {
  const data: unknown = source.document.toJS();
  const result = schema.safeParse(data);
  if (result.success) return result.data;
  for (const issue of result.error.issues) {
    const where = issue.path.length > 0 ? `${describePath(data, issue.path)}: ` : "";
    // zod reports an unknown key on its parent object; point at the misspelt key itself.
    const path =
      issue.code === "unrecognized_keys" && issue.keys[0] !== undefined
        ? [...issue.path, issue.keys[0]]
        : issue.path;
    issues.add(source.file, `${where}${issue.message}`, lineOfPath(source, path));
  }
  return undefined;
}

/** `questions[2] "primes" › options` — names list items by their id so authors can find them. */
function describePath(data: unknown, path: readonly PropertyKey[]): string {
  let node = data;
  const parts: string[] = [];
  for (const segment of path) {
    node = (node as Record<PropertyKey, unknown> | undefined)?.[segment];
    if (typeof segment === "number") {
      const id = (node as { id?: unknown } | undefined)?.id;
      const last = parts.pop() ?? "";
      parts.push(`${last}[${segment}]${typeof id === "string" ? ` "${id}"` : ""}`);
    } else {
      parts.push(String(segment));
    }
  }
  return parts.join(" › ");
}

export interface FrontMatterSplit {
  yaml: string;
  /** 0-based line where the YAML starts. */
  yamlLineOffset: number;
  body: string;
  /** 0-based line where the Markdown body starts. */
  bodyLineOffset: number;
}

/** Splits `---\nyaml\n---\nbody`. Returns undefined when the file has no front matter. */
export function splitFrontMatter(text: string): FrontMatterSplit | undefined {
  const lines = text.replace(/^\uFEFF/, "").split(/\r?\n/);
  if (lines[0]?.trim() !== "---") return undefined;
  const end = lines.findIndex((line, index) => index > 0 && line.trim() === "---");
  if (end === -1) return undefined;
  return {
    yaml: lines.slice(1, end).join("\n"),
    yamlLineOffset: 1,
    body: lines.slice(end + 1).join("\n"),
    bodyLineOffset: end + 1,
  };
}
