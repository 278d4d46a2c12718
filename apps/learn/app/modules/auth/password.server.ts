import { hash, verify } from "@node-rs/argon2";
import { PASSWORD_HASH_OPTIONS } from "@peacelearn/db";

/** argon2id with the parameters the seed uses too (OWASP's recommended minimum or better). */
export function hashPassword(password: string) {
  return hash(password, PASSWORD_HASH_OPTIONS);
}

export async function verifyPassword(passwordHash: string, password: string) {
  try {
    return await verify(passwordHash, password);
  } catch {
    // A malformed stored hash is a failed login, not a crash.
    return false;
  }
}

// Verifying against this when the email is unknown keeps both failures equally slow, so response
// time does not reveal which emails have accounts.
let dummyHash: Promise<string> | undefined;
export function verifyAgainstDummy(password: string) {
  dummyHash ??= hashPassword("peacelearn-timing-equaliser");
  return dummyHash.then((h) => verifyPassword(h, password)).then(() => false);
}
