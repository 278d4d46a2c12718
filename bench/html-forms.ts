// Reads the POST forms of a server-rendered page and fills them in as a browser would, so the load
// scripts post what the page really carries (hidden fields, the knowledge check's idempotency
// token, radio groups, selects) instead of a body written by hand that drifts from the forms.
// The pages are React's server output (quoted attributes, escaped text), which a small tokenizer
// reads reliably; this is not a general HTML parser.

export type FormControl =
  | { kind: "value"; name: string; value: string }
  | { kind: "radio" | "checkbox"; name: string; value: string; checked: boolean }
  | { kind: "select"; name: string; options: Array<{ value: string; selected: boolean }> }
  | { kind: "submit"; name: string; value: string };

export type HtmlForm = { action: string | undefined; controls: FormControl[] };

const entities: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (whole, code: string) => {
    if (code[0] === "#") {
      const point =
        code[1] === "x" || code[1] === "X"
          ? Number.parseInt(code.slice(2), 16)
          : Number(code.slice(1));
      return Number.isFinite(point) ? String.fromCodePoint(point) : whole;
    }
    return entities[code.toLowerCase()] ?? whole;
  });
}

function attributes(tag: string): Map<string, string> {
  const found = new Map<string, string>();
  const pattern = /([^\s=/>"']+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>"']+)))?/g;
  // Skip the tag name itself.
  const body = tag.replace(/^<\s*[a-z0-9-]+/i, "").replace(/\/?>$/, "");
  for (const match of body.matchAll(pattern)) {
    const name = (match[1] ?? "").toLowerCase();
    if (!name) continue;
    found.set(name, decodeEntities(match[2] ?? match[3] ?? match[4] ?? ""));
  }
  return found;
}

function controlsOf(inner: string): FormControl[] {
  const controls: FormControl[] = [];
  const tags = /<(input|button|textarea|select)\b[^>]*>/gi;
  for (let match = tags.exec(inner); match; match = tags.exec(inner)) {
    const element = (match[1] ?? "").toLowerCase();
    const attrs = attributes(match[0]);
    const name = attrs.get("name");
    if (attrs.has("disabled")) continue;
    if (element === "textarea" || element === "select") {
      const close = inner.indexOf(`</${element}>`, tags.lastIndex);
      const content = close === -1 ? "" : inner.slice(tags.lastIndex, close);
      if (close !== -1) tags.lastIndex = close;
      if (!name) continue;
      if (element === "textarea") {
        controls.push({ kind: "value", name, value: decodeEntities(content.replace(/^\n/, "")) });
        continue;
      }
      const options = [...content.matchAll(/<option\b[^>]*>([^<]*)/gi)].map((option) => {
        const optionAttrs = attributes(option[0].slice(0, option[0].indexOf(">") + 1));
        return {
          value: optionAttrs.get("value") ?? decodeEntities(option[1] ?? "").trim(),
          selected: optionAttrs.has("selected"),
          disabled: optionAttrs.has("disabled"),
        };
      });
      controls.push({
        kind: "select",
        name,
        options: options
          .filter((option) => !option.disabled)
          .map(({ value, selected }) => ({ value, selected })),
      });
      continue;
    }
    const type = (attrs.get("type") ?? (element === "button" ? "submit" : "text")).toLowerCase();
    if (!name) continue;
    const value = attrs.get("value") ?? (type === "checkbox" || type === "radio" ? "on" : "");
    if (type === "submit") controls.push({ kind: "submit", name, value });
    else if (type === "radio" || type === "checkbox") {
      controls.push({ kind: type, name, value, checked: attrs.has("checked") });
    } else if (type !== "button" && type !== "reset" && type !== "file" && type !== "image") {
      controls.push({ kind: "value", name, value });
    }
  }
  return controls;
}

/** Every `<form method="post">` of the page, in document order. */
export function postForms(html: string): HtmlForm[] {
  const forms: HtmlForm[] = [];
  for (const match of html.matchAll(/(<form\b[^>]*>)([\s\S]*?)<\/form>/gi)) {
    const attrs = attributes(match[1] ?? "");
    if ((attrs.get("method") ?? "get").toLowerCase() !== "post") continue;
    forms.push({ action: attrs.get("action"), controls: controlsOf(match[2] ?? "") });
  }
  return forms;
}

/** The names of the form's radio and checkbox groups, each with its values. */
export function choiceGroups(form: HtmlForm) {
  const groups = new Map<string, { kind: "radio" | "checkbox"; values: string[] }>();
  for (const control of form.controls) {
    if (control.kind !== "radio" && control.kind !== "checkbox") continue;
    const group = groups.get(control.name) ?? { kind: control.kind, values: [] };
    group.values.push(control.value);
    groups.set(control.name, group);
  }
  return groups;
}

export type FillOptions = {
  /** Values typed into text fields and chosen in selects, by name. */
  set?: Record<string, string>;
  /** The choice of a radio (one value) or checkbox group; undefined keeps what the page checked. */
  choose?: (name: string, kind: "radio" | "checkbox", values: string[]) => string[] | undefined;
  /** Which submit button is pressed, by value (default: the first named one, if any). */
  submit?: string;
};

/** The urlencoded body a browser would send for `form` after the given edits. */
export function fillForm(form: HtmlForm, options: FillOptions = {}): URLSearchParams {
  const body = new URLSearchParams();
  const set = options.set ?? {};
  const groups = choiceGroups(form);
  const choices = new Map<string, string[] | undefined>();
  for (const [name, group] of groups) {
    choices.set(name, options.choose?.(name, group.kind, group.values));
  }
  const used = new Set<string>();
  let submitted = false;
  for (const control of form.controls) {
    switch (control.kind) {
      case "value":
        body.append(control.name, set[control.name] ?? control.value);
        used.add(control.name);
        break;
      case "radio":
      case "checkbox": {
        const chosen = choices.get(control.name);
        if (chosen ? chosen.includes(control.value) : control.checked) {
          body.append(control.name, control.value);
        }
        break;
      }
      case "select": {
        const wanted = set[control.name];
        const value =
          wanted ??
          control.options.find((option) => option.selected)?.value ??
          control.options[0]?.value;
        if (value !== undefined) body.append(control.name, value);
        used.add(control.name);
        break;
      }
      case "submit":
        if (submitted) break;
        if (options.submit === undefined || options.submit === control.value) {
          body.append(control.name, control.value);
          submitted = true;
        }
        break;
    }
  }
  // A field the page did not render (yet) but the caller wants sent.
  for (const [name, value] of Object.entries(set)) if (!used.has(name)) body.append(name, value);
  return body;
}

/** Every `href` on the page that matches `pattern` (first capture group, or the whole match). */
export function links(html: string, pattern: RegExp): string[] {
  const found = new Set<string>();
  for (const match of html.matchAll(/\bhref="([^"]*)"/g)) {
    const href = decodeEntities(match[1] ?? "");
    const hit = pattern.exec(href);
    if (hit) found.add(hit[1] ?? hit[0]);
  }
  return [...found];
}
