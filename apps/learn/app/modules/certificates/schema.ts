import { z } from "zod";

// Messages are translation keys (app/locales/*/assessment.json).

/** The verification-code form of /verify (GET). */
export const VerifyCodeSchema = z.object({
  code: z
    .string({ error: "assessment:errors.codeRequired" })
    .trim()
    .min(1, "assessment:errors.codeRequired")
    .max(40, "assessment:errors.codeInvalid"),
});
