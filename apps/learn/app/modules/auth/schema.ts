import { learnerBirthYearSchema } from "@peacelearn/db/schemas";
import { GenderSchema, LocaleSchema, LocationCodeSchema } from "@peacelearn/domain";
import { z } from "zod";
import { supportedLocales } from "~/lib/i18n";

// Messages are translation keys (app/locales/*/auth.json): the same schema validates on the
// server and in the browser, and the page shows the message in the reader's language.

const email = z
  .string({ error: "auth:errors.emailRequired" })
  .trim()
  .min(1, "auth:errors.emailRequired")
  .max(254, "auth:errors.emailInvalid")
  .pipe(z.email("auth:errors.emailInvalid"))
  .transform((value) => value.toLowerCase());

/** NIST SP 800-63B: at least 8 characters, no composition rules, long passphrases welcome. */
export const PASSWORD_MIN = 10;
const newPassword = z
  .string({ error: "auth:errors.passwordRequired" })
  .min(PASSWORD_MIN, "auth:errors.passwordTooShort")
  .max(256, "auth:errors.passwordTooLong");

/** The "this phone is not only mine" checkbox: posted as "on" when ticked, absent otherwise. */
const sharedDevice = z.preprocess((value) => value === "on", z.boolean());

export const LoginSchema = z.object({
  email,
  password: z
    .string({ error: "auth:errors.passwordRequired" })
    .min(1, "auth:errors.passwordRequired"),
  sharedDevice,
  redirectTo: z.string().optional(),
});

/**
 * "The two passwords differ" is reported together with the form's other errors, not only once
 * they are fixed (zod skips object refinements when a field fails, unless told `when`).
 */
function passwordsMatch(password: string, confirm: string) {
  return {
    path: [confirm],
    message: "auth:errors.passwordsDiffer",
    when: (payload: { value: unknown }) => {
      const value = payload.value as Record<string, unknown> | undefined;
      return typeof value?.[password] === "string" && typeof value?.[confirm] === "string";
    },
  };
}

const displayName = z
  .string({ error: "auth:errors.nameRequired" })
  .trim()
  .min(1, "auth:errors.nameRequired")
  .max(120, "auth:errors.nameTooLong");

/**
 * What a person says about herself, at sign-up and on her profile: all optional but her name, and
 * "prefer not to say" is always a choice (reports count people, never name them).
 */
const aboutYou = {
  gender: GenderSchema.optional(),
  // The platform's one birth-year rule, checked against the day of the write.
  birthYear: z.coerce
    .number({ error: "auth:errors.birthYearInvalid" })
    .refine(
      (year) => learnerBirthYearSchema(new Date()).safeParse(year).success,
      "auth:errors.birthYearInvalid",
    )
    .optional(),
  locationCode: LocationCodeSchema.optional(),
  organisation: z.string().trim().max(200, "auth:errors.organisationTooLong").optional(),
};

export const SignupSchema = z
  .object({
    email,
    displayName,
    password: newPassword,
    confirmPassword: z.string({ error: "auth:errors.confirmRequired" }),
    ...aboutYou,
    redirectTo: z.string().optional(),
  })
  .refine(
    (value) => value.password === value.confirmPassword,
    passwordsMatch("password", "confirmPassword"),
  );

export const PasswordChangeSchema = z
  .object({
    currentPassword: z
      .string({ error: "auth:errors.passwordRequired" })
      .min(1, "auth:errors.passwordRequired"),
    newPassword,
    confirmPassword: z.string({ error: "auth:errors.confirmRequired" }),
  })
  .refine(
    (value) => value.newPassword === value.confirmPassword,
    passwordsMatch("newPassword", "confirmPassword"),
  );

/**
 * /recover: the e-mail, the one-time code a trainer or an admin gave, and a new password. The
 * code's own shape (12 symbols, dashes and case ignored) is checked by `normaliseRecoveryCode`,
 * so a mistyped code gets the same answer as a wrong one.
 */
export const RecoverySchema = z
  .object({
    email,
    code: z
      .string({ error: "auth:errors.codeRequired" })
      .trim()
      .min(1, "auth:errors.codeRequired")
      .max(64, "auth:errors.codeInvalid"),
    newPassword,
    confirmPassword: z.string({ error: "auth:errors.confirmRequired" }),
    sharedDevice,
  })
  .refine(
    (value) => value.newPassword === value.confirmPassword,
    passwordsMatch("newPassword", "confirmPassword"),
  );

/** The "issue a recovery code" button on a trainee's or a user's page. */
export const IssueRecoveryCodeSchema = z.object({ intent: z.literal("recovery-code") });

/** The profile page: her name, language and what she says about herself. */
export const ProfileSchema = z.object({
  displayName,
  preferredLocale: LocaleSchema.refine((value) => supportedLocales.includes(value), {
    error: "auth:errors.localeInvalid",
  }),
  ...aboutYou,
});
