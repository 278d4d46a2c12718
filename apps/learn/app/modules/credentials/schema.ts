import { z } from "zod";

// Messages are translation keys (app/locales/*/credentials.json).

/** The download form on the certificate page (GET): what the credential may say. */
export const DownloadOptionsSchema = z.object({
  format: z.enum(["json", "svg"], { error: "credentials:errors.format" }).default("json"),
  /** "course": the course's own title; "neutral": "Professional development course". */
  title: z.enum(["course", "neutral"], { error: "credentials:errors.title" }).default("course"),
  /** Her name in the credential, only when she ticks the box. */
  showName: z
    .literal("on", { error: "credentials:errors.showName" })
    .optional()
    .transform((value) => value === "on"),
});

export type DownloadOptions = z.output<typeof DownloadOptionsSchema>;

/** Bytes of a credential file at most: a signed credential is ~3 KB, a badge ~6 KB. */
export const MAX_CREDENTIAL_BYTES = 64 * 1024;

/** The upload form of /verify (multipart POST). */
export const VerifyUploadSchema = z.object({
  credential: z
    .instanceof(File, { message: "credentials:errors.fileRequired" })
    .refine((file) => file.size > 0, "credentials:errors.fileRequired")
    .refine((file) => file.size <= MAX_CREDENTIAL_BYTES, "credentials:errors.fileTooLarge"),
  /** An e-mail address the holder gave, to compare with the credential's hash. */
  email: z.email("credentials:errors.email").max(320).optional(),
});

/** The admin's revocation form. */
export const RevokeSchema = z.object({
  code: z
    .string({ error: "credentials:errors.codeRequired" })
    .trim()
    .min(1, "credentials:errors.codeRequired")
    .max(40, "credentials:errors.codeRequired"),
  reason: z
    .string({ error: "credentials:errors.reasonRequired" })
    .trim()
    .min(3, "credentials:errors.reasonRequired")
    .max(500, "credentials:errors.reasonTooLong"),
});
