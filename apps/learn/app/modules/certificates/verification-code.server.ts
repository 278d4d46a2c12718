import { randomBytes } from "node:crypto";

/**
 * Crockford's base32 alphabet: digits and upper-case letters without I, L, O and U, so a code
 * read aloud over a bad phone line or copied from paper has no look-alike characters.
 */
export const CROCKFORD_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

const VERIFICATION_CODE_LENGTH = 12;

/**
 * A new verification code: 12 Crockford characters (60 random bits, so guessing a valid code is
 * hopeless even with millions of certificates) in groups of four, e.g. `7KQM-3XR9-HV2D`. Each
 * random byte is reduced modulo 32, which is unbiased because 256 is a multiple of 32.
 */
export function newVerificationCode(): string {
  const chars = [...randomBytes(VERIFICATION_CODE_LENGTH)].map(
    (byte) => CROCKFORD_ALPHABET[byte & 31],
  );
  return groupFromEnd(chars.join(""));
}

/** "ABCDEFGHJKMN" → "ABCD-EFGH-JKMN"; groups are counted from the end ("PL7K3M9QX2" → "PL-7K3M-9QX2"). */
function groupFromEnd(compact: string): string {
  const groups: string[] = [];
  for (let end = compact.length; end > 0; end -= 4) {
    groups.unshift(compact.slice(Math.max(0, end - 4), end));
  }
  return groups.join("-");
}

/**
 * The stored forms a typed code may stand for: case, spaces, dashes and other separators are
 * ignored, and Crockford's look-alikes are read as digits (O → 0, I and L → 1). Both the literal
 * and the decoded reading are returned because the demo data's older `PL-XXXX-XXXX` codes carry
 * a literal L. Empty when nothing code-like was typed.
 */
export function verificationCodeCandidates(typed: string): string[] {
  const compact = typed.toUpperCase().replace(/[^0-9A-Z]/g, "");
  if (compact.length < 4 || compact.length > 24) return [];
  const decoded = compact.replace(/O/g, "0").replace(/[IL]/g, "1");
  return [...new Set([groupFromEnd(compact), groupFromEnd(decoded)])];
}
