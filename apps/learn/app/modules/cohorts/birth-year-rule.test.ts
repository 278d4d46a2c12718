import { describe, expect, it } from "vitest";
import { SignupSchema } from "~/modules/auth/schema";
import { readRosterCsv } from "./roster-import";

// One birth-year rule for every door into an account (issue 11, item 4): sign-up used to take
// ages 12 to 110 and the roster import ages 10 to "born 1900", so a trainer could import a
// 10-year-old who could not sign up. Ages are counted as the domain counts them (`ageInYear`:
// the age reached this year), so these tests build each year from the current one.
const now = new Date();
const year = now.getUTCFullYear();

const signupAccepts = (birthYear: number) =>
  SignupSchema.safeParse({
    email: "ama@example.org",
    displayName: "Ama",
    password: "correct horse battery",
    confirmPassword: "correct horse battery",
    birthYear: String(birthYear),
  }).success;

const importAccepts = (birthYear: number) => {
  const result = readRosterCsv(`email,birth_year\r\nama@example.org,${birthYear}\r\n`, { now });
  if (!result.ok) throw new Error(result.error);
  return result.rows[0]?.problem === undefined;
};

describe("the birth-year rule", () => {
  it("takes ages 12 to 130 at sign-up: 12 is the floor, 130 the domain's maxPlausibleAge", () => {
    expect(signupAccepts(year - 11)).toBe(false);
    expect(signupAccepts(year - 12)).toBe(true);
    expect(signupAccepts(year - 130)).toBe(true);
    expect(signupAccepts(year - 131)).toBe(false);
  });

  it("is the same at sign-up and in a roster import, for every age from -1 to 140", () => {
    for (let age = -1; age <= 140; age++) {
      expect({ age, import: importAccepts(year - age) }).toEqual({
        age,
        import: signupAccepts(year - age),
      });
    }
  });
});
