import { gunzipSync, gzipSync } from "node:zlib";
import { VC_CONTEXT } from "./open-badge.server";

/**
 * Entries on one list: 2^17, the Bitstring Status List's minimum (16 KiB uncompressed), so that
 * one revoked credential hides among 131,072 places (herd privacy).
 */
export const STATUS_LIST_SIZE = 131_072;

/**
 * The list's `encodedList`: the bitstring (index 0 is the first byte's most significant bit),
 * GZIP-compressed, in multibase base64url without padding (prefix `u`), as W3C's Bitstring Status
 * List v1.0 §4 asks.
 */
function encodeStatusList(revoked: Iterable<number>): string {
  const bits = new Uint8Array(STATUS_LIST_SIZE / 8);
  for (const index of revoked) {
    if (!Number.isInteger(index) || index < 0 || index >= STATUS_LIST_SIZE) {
      throw new RangeError(`encodeStatusList: index ${index} is outside the list`);
    }
    bits[index >> 3] = (bits[index >> 3] ?? 0) | (0x80 >> (index & 7));
  }
  return `u${gzipSync(bits).toString("base64url")}`;
}

/** Whether `index` is set in an `encodedList`; throws on a list that is not one. */
export function isSetInStatusList(encoded: string, index: number): boolean {
  if (!encoded.startsWith("u")) throw new Error("status list: not multibase base64url");
  // Bounded: 16 KiB once inflated, whatever the compressed input claims.
  const bits = gunzipSync(Buffer.from(encoded.slice(1), "base64url"), {
    maxOutputLength: STATUS_LIST_SIZE / 8,
  });
  if (bits.length * 8 < STATUS_LIST_SIZE || index < 0 || index >= bits.length * 8) {
    throw new Error("status list: index outside the list");
  }
  return ((bits[index >> 3] ?? 0) & (0x80 >> (index & 7))) !== 0;
}

/** The unsigned BitstringStatusListCredential published at `url`. */
export function statusListCredential({
  url,
  issuer,
  revoked,
  now,
}: {
  url: string;
  issuer: string;
  revoked: Iterable<number>;
  now: Date;
}) {
  return {
    "@context": [VC_CONTEXT],
    id: url,
    type: ["VerifiableCredential", "BitstringStatusListCredential"],
    issuer,
    validFrom: now.toISOString(),
    credentialSubject: {
      id: `${url}#list`,
      type: "BitstringStatusList",
      statusPurpose: "revocation",
      encodedList: encodeStatusList(revoked),
    },
  };
}
