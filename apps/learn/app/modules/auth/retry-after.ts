import type { QualifiedTranslate } from "~/lib/i18n-keys";

/**
 * "Wait 20 seconds" or "wait 3 minutes" for a 429's Retry-After: the throttles give short waits
 * (docs/decisions/010-login-throttling.md), and rounding 20 s up to "1 minute" would tell the
 * person to wait three times longer than she must.
 */
export function retryAfterText(t: QualifiedTranslate, retryAfterSeconds: number): string {
  if (retryAfterSeconds < 60) {
    return t("auth:errors.retryInSeconds", { count: Math.max(1, Math.ceil(retryAfterSeconds)) });
  }
  return t("auth:errors.retryIn", { count: Math.ceil(retryAfterSeconds / 60) });
}
