import { parse, type Submission } from "@conform-to/dom";
import { parseWithZod } from "@conform-to/zod/v4";
import type { AppLoadContext } from "react-router";
import { data } from "react-router";
import type { z } from "zod";

/**
 * The one way the app reads a request body. Every bound is checked before anything is
 * allocated for it: a form parser that trusts field names will build an array of thirty million
 * slots for `x[30000000]=1` (a 40-byte body that froze the server for 19 s), so names, counts,
 * array indices and the byte size are all limited here, once, for every action.
 */
export type FormLimits = {
  /** Bytes of body read at most; past it the request is answered 413. */
  maxBytes: number;
  /** Fields (name=value pairs, files included) at most. */
  maxFields: number;
  /** Characters of one field name at most. */
  maxNameLength: number;
  /** The largest array index a name may carry (`followUps[19].description`). */
  maxIndex: number;
  /** Path segments of one name at most (`a.b[0].c` has three). */
  maxDepth: number;
  /** Whether `multipart/form-data` (file uploads) is accepted; URL-encoded always is. */
  multipart: boolean;
};

export const DEFAULT_FORM_LIMITS: FormLimits = {
  maxBytes: 64 * 1024,
  maxFields: 300,
  maxNameLength: 100,
  maxIndex: 99,
  maxDepth: 4,
  multipart: false,
};

/**
 * Bytes read and thrown away after a body has gone over its limit, so the client gets the 413
 * page instead of a connection reset mid-upload. Past this the connection is simply closed.
 */
const DRAIN_BYTES = 16 * 1024 * 1024;

/** Why a body could not be read; each is shown on the error page with the field it names. */
export type FormRejection =
  | { reason: "unsupported-media-type"; field?: undefined }
  | { reason: "body-too-large"; field?: undefined; maxBytes: number }
  | { reason: "too-many-fields"; field?: undefined; maxFields: number }
  | { reason: "field-name"; field: string }
  | { reason: "malformed-body"; field?: undefined };

const STATUS: Record<FormRejection["reason"], number> = {
  "unsupported-media-type": 415,
  "body-too-large": 413,
  "too-many-fields": 413,
  "field-name": 400,
  "malformed-body": 400,
};

/** The body of a rejected request, as the error boundary receives it. */
export type FormRejectionData = { formRejection: FormRejection };

export function isFormRejection(value: unknown): value is FormRejectionData {
  return (
    typeof value === "object" &&
    value !== null &&
    "formRejection" in value &&
    typeof (value as FormRejectionData).formRejection?.reason === "string"
  );
}

function reject(rejection: FormRejection): never {
  throw data({ formRejection: rejection } satisfies FormRejectionData, {
    status: STATUS[rejection.reason],
    headers: rejection.reason === "unsupported-media-type" ? { Accept: ACCEPTED } : undefined,
  });
}

const ACCEPTED = "application/x-www-form-urlencoded, multipart/form-data";

/** A field name as it may appear on the error page: short and printable. */
function printableName(name: string) {
  const cleaned = name.replace(/[^\x20-\x7e]/g, "?");
  return cleaned.length > 60 ? `${cleaned.slice(0, 57)}...` : cleaned;
}

const SEGMENT = /^[A-Za-z0-9_-]+$/;
const INDEX = /^\[(\d{1,6})\]/;

/**
 * Whether `name` is a path the form library may expand: dotted segments of letters, digits,
 * `_` and `-`, each optionally followed by bounded indices.
 */
export function isAcceptableFieldName(name: string, limits: FormLimits = DEFAULT_FORM_LIMITS) {
  if (name.length === 0 || name.length > limits.maxNameLength) return false;
  let depth = 0;
  let rest = name;
  while (rest.length > 0) {
    const dot = rest.search(/[.[]/);
    const segment = dot === -1 ? rest : rest.slice(0, dot);
    if (!SEGMENT.test(segment)) return false;
    depth += 1;
    rest = dot === -1 ? "" : rest.slice(dot);
    for (let match = INDEX.exec(rest); match; match = INDEX.exec(rest)) {
      if (Number(match[1]) > limits.maxIndex) return false;
      depth += 1;
      rest = rest.slice(match[0].length);
    }
    if (rest.startsWith(".")) {
      rest = rest.slice(1);
      if (rest.length === 0) return false;
    } else if (rest.length > 0) return false;
    if (depth > limits.maxDepth) return false;
  }
  return true;
}

function mediaType(request: Request) {
  const header = request.headers.get("Content-Type") ?? "";
  return header.split(";")[0]?.trim().toLowerCase() ?? "";
}

async function drain(reader: ReadableStreamDefaultReader<Uint8Array>, budget: number) {
  let left = budget;
  try {
    while (left > 0) {
      const { done, value } = await reader.read();
      if (done) return;
      left -= value.byteLength;
    }
    await reader.cancel();
  } catch {
    // The client went away; nothing to answer.
  }
}

/** Reads at most `maxBytes` of the body; over it, drains a bounded amount and answers 413. */
async function readBoundedBody(
  request: Request,
  maxBytes: number,
): Promise<Uint8Array<ArrayBuffer>> {
  const tooLarge = { reason: "body-too-large", maxBytes } as const;
  const declared = Number(request.headers.get("Content-Length") ?? Number.NaN);
  const reader = request.body?.getReader();
  if (!reader) return new Uint8Array();
  if (Number.isFinite(declared) && declared > maxBytes) {
    await drain(reader, DRAIN_BYTES);
    reject(tooLarge);
  }
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    let chunk: ReadableStreamReadResult<Uint8Array>;
    try {
      chunk = await reader.read();
    } catch {
      reject({ reason: "malformed-body" });
    }
    if (chunk.done) break;
    size += chunk.value.byteLength;
    if (size > maxBytes) {
      await drain(reader, DRAIN_BYTES);
      reject(tooLarge);
    }
    chunks.push(chunk.value);
  }
  const body = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    body.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return body;
}

/**
 * The request's form fields, read within `limits`. Throws a 4xx `Response` (415, 413 or 400,
 * whose data names the reason and the field) for a body that is not a form, too large, has too
 * many fields or a field name the form library must not expand.
 */
export async function readForm(
  request: Request,
  overrides: Partial<FormLimits> = {},
): Promise<FormData> {
  const limits = { ...DEFAULT_FORM_LIMITS, ...overrides };
  const type = mediaType(request);
  const multipart = type === "multipart/form-data";
  // A request with no body and no type (a bare POST) reads as an empty form.
  const emptyUntyped =
    type === "" && (request.body === null || request.headers.get("Content-Length") === "0");
  if (!(type === "application/x-www-form-urlencoded" || emptyUntyped)) {
    if (!(multipart && limits.multipart)) reject({ reason: "unsupported-media-type" });
  }
  const body = await readBoundedBody(request, limits.maxBytes);

  let form: FormData;
  if (multipart) {
    try {
      form = await new Response(body, {
        headers: { "Content-Type": request.headers.get("Content-Type") ?? "" },
      }).formData();
    } catch {
      reject({ reason: "malformed-body" });
    }
  } else {
    const text = new TextDecoder().decode(body);
    // Count pairs before decoding them: the body is bounded, so this is too.
    let pairs = text.length === 0 ? 0 : 1;
    for (let i = text.indexOf("&"); i !== -1; i = text.indexOf("&", i + 1)) pairs += 1;
    if (pairs > limits.maxFields * 2) {
      reject({ reason: "too-many-fields", maxFields: limits.maxFields });
    }
    form = new FormData();
    for (const [name, value] of new URLSearchParams(text)) form.append(name, value);
  }

  let count = 0;
  for (const [name] of form) {
    count += 1;
    if (count > limits.maxFields)
      reject({ reason: "too-many-fields", maxFields: limits.maxFields });
    if (!isAcceptableFieldName(name, limits)) {
      reject({ reason: "field-name", field: printableName(name) });
    }
  }
  return form;
}

/** Query-string fields, checked by the same name rules as a form body. */
function readSearchParams(url: URL, overrides: Partial<FormLimits> = {}): URLSearchParams {
  const limits = { ...DEFAULT_FORM_LIMITS, ...overrides };
  let count = 0;
  for (const [name] of url.searchParams) {
    count += 1;
    if (count > limits.maxFields)
      reject({ reason: "too-many-fields", maxFields: limits.maxFields });
    if (!isAcceptableFieldName(name, limits)) {
      reject({ reason: "field-name", field: printableName(name) });
    }
  }
  return url.searchParams;
}

/**
 * The query string of a loader's request, by the same name rules as a form; a value holding a
 * control character is dropped, since no filter of ours can match one and PostgreSQL refuses NUL
 * (a `?action=a%00b` on the audit log answered 500). Loaders read their query only through this.
 */
export function readQuery(request: Request | URL): URLSearchParams {
  const url = request instanceof URL ? request : new URL(request.url);
  const kept = new URLSearchParams();
  for (const [name, value] of readSearchParams(url)) {
    if (!CONTROL_CHARACTER.test(value)) kept.append(name, value);
  }
  return kept;
}

// C0 controls other than tab, line feed and carriage return, and DEL: PostgreSQL refuses NUL
// in text, and none of them belongs in anything a person types.
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point.
const CONTROL_CHARACTER = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

/** Field names whose text value holds a control character. */
function fieldsWithControlCharacters(form: FormData | URLSearchParams) {
  const names = new Set<string>();
  for (const [name, value] of form) {
    if (typeof value === "string" && CONTROL_CHARACTER.test(value)) names.add(name);
  }
  return names;
}

/** The translation key of the message a field with a control character gets. */
export const CONTROL_CHARACTER_MESSAGE = "common:errors.controlCharacter";

/** What was posted, kept for the request so an error page can offer it back (see server.js). */
export type SubmittedForm = {
  action: string;
  fields: Array<{ name: string; value: string }>;
};

/** Fields never put back on a page, whatever happens: secrets. */
const SECRET_FIELD = /password|token|secret|code$/i;

declare module "react-router" {
  interface AppLoadContext {
    /** The form this request posted, once it parsed (for the "not saved" page). */
    submittedForm?: SubmittedForm;
  }
}

function remember(context: AppLoadContext | undefined, request: Request, form: FormData) {
  if (!context) return;
  const fields: SubmittedForm["fields"] = [];
  for (const [name, value] of form) {
    if (typeof value === "string" && !SECRET_FIELD.test(name)) fields.push({ name, value });
  }
  const url = new URL(request.url);
  context.submittedForm = { action: `${url.pathname}${url.search}`, fields };
}

type Schema = z.ZodType;

/** What conform's zod parser returns for `S`. */
export type ZodSubmission<S extends Schema> = Submission<z.input<S>, string[], z.output<S>>;

function withControlCharacterErrors<S extends Schema>(
  payload: FormData | URLSearchParams,
  submission: ZodSubmission<S>,
): ZodSubmission<S> {
  const bad = fieldsWithControlCharacters(payload);
  if (bad.size === 0) return submission;
  return parse(payload, {
    resolve: () => ({
      error: {
        ...(submission.status === "error" ? submission.error : {}),
        ...Object.fromEntries([...bad].map((name) => [name, [CONTROL_CHARACTER_MESSAGE]])),
      },
    }),
  }) as ZodSubmission<S>;
}

/**
 * Reads the request's form within limits and validates it with `schema` (conform + zod). A
 * field holding a control character (NUL…) is an error on that field, so the person sees which
 * one and keeps what she typed; it never reaches the database.
 */
export async function parseForm<S extends Schema>(
  args: { request: Request; context?: AppLoadContext },
  schema: S,
  limits: Partial<FormLimits> = {},
): Promise<ZodSubmission<S>> {
  const form = await readForm(args.request, limits);
  remember(args.context, args.request, form);
  return withControlCharacterErrors<S>(form, parseWithZod(form, { schema }));
}

/** `parseForm` for a query string (filters, the verification form). */
export function parseSearch<S extends Schema>(
  url: URL,
  schema: S,
  limits: Partial<FormLimits> = {},
): ZodSubmission<S> {
  const params = readSearchParams(url, limits);
  return withControlCharacterErrors<S>(params, parseWithZod(params, { schema }));
}
