import { decodeBase64urlIgnorePadding, encodeBase64urlNoPadding } from "@oslojs/encoding";

/*
 * Discreet mode's addresses (docs/decisions/022-discreet-mode.md). While the mode is on, every
 * address the site shows — in the address bar, the history, a link's long-press preview, the
 * downloads list — is `/n/<token>`, where the token stands for the real path and query. Someone
 * who picks up the phone reads letters, not "gender-conflict-foundations/lessons/…".
 *
 * The token is an encoding, not a secret: it keeps words off the screen, and the server (or
 * anyone with this file) can turn it back. What keeps a lesson from whoever holds the phone is
 * signing out — quick exit, the shared-phone session — not the address.
 *
 * Plain functions with no Node API: links are made by components, which may render in a browser.
 */

/** Where neutral addresses live. */
export const neutralPrefix = "/n/";

/** Longest real path (with its query) a token may stand for; longer ones stay as they are. */
const maxPathLength = 2048;

// A fixed stream the bytes are mixed with, so no word survives base64 (which keeps runs of
// letters recognisable). Any fixed bytes do; these are the first of SHA-256("peacelearn").
const pad = Uint8Array.from([
  0x5e, 0x3a, 0x91, 0xc4, 0x27, 0xd8, 0x6b, 0x0f, 0xa2, 0x49, 0xe6, 0x13, 0x7c, 0xb5, 0x38, 0xef,
]);

const encoder = new TextEncoder();
const decoder = new TextDecoder("utf-8", { fatal: true });

/**
 * The neutral address of a path on this site: `/courses/x/lessons/y?tab=1` → `/n/…`. A fragment
 * stays a fragment (anchors on this site are neutral: `#module-2`). Anything that is not a path
 * of this site (`https://…`, `//…`, `#top`), an address already neutral, the home page and
 * overlong paths are returned unchanged.
 */
export function neutralUrl(to: string): string {
  if (!to.startsWith("/") || to.startsWith("//") || to.startsWith(neutralPrefix)) return to;
  const hashAt = to.indexOf("#");
  const path = hashAt === -1 ? to : to.slice(0, hashAt);
  const hash = hashAt === -1 ? "" : to.slice(hashAt);
  if (path === "/" || path === "" || path.length > maxPathLength) return to;
  const bytes = encoder.encode(path);
  const mixed = new Uint8Array(bytes.length + 1);
  let previous = bytes.length & 0xff;
  let check = 0;
  bytes.forEach((byte, i) => {
    previous = byte ^ (pad[i % pad.length] as number) ^ previous;
    mixed[i + 1] = previous;
    check = (check + byte) & 0xff;
  });
  mixed[0] = check;
  return `${neutralPrefix}${encodeBase64urlNoPadding(mixed)}${hash}`;
}

/**
 * The real path and query a neutral address stands for, or `null` when `pathname` is not one
 * (or its token is damaged). What comes back is a path of this site: it starts with one `/`.
 */
export function readNeutralUrl(pathname: string): string | null {
  if (!pathname.startsWith(neutralPrefix)) return null;
  const token = pathname.slice(neutralPrefix.length);
  if (!/^[A-Za-z0-9_-]{2,4096}$/.test(token)) return null;
  let mixed: Uint8Array;
  try {
    mixed = decodeBase64urlIgnorePadding(token);
  } catch {
    return null;
  }
  const length = mixed.length - 1;
  const bytes = new Uint8Array(length);
  let previous = length & 0xff;
  let check = 0;
  for (let i = 0; i < length; i++) {
    const byte = mixed[i + 1] as number;
    bytes[i] = byte ^ (pad[i % pad.length] as number) ^ previous;
    previous = byte;
    check = (check + (bytes[i] as number)) & 0xff;
  }
  if (check !== mixed[0]) return null;
  let path: string;
  try {
    path = decoder.decode(bytes);
  } catch {
    return null;
  }
  if (!path.startsWith("/") || path.startsWith("//") || path.startsWith(neutralPrefix)) return null;
  // biome-ignore lint/suspicious/noControlCharactersInRegex: a real path never carries them.
  if (/[\u0000-\u001f\u007f\\#]/.test(path)) return null;
  return path;
}
