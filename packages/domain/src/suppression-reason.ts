// Shared by the suppression loop (suppression.ts) and its audit (suppression-audit.ts), so that
// neither imports the other.

/** Why a count is hidden: the range it lies in. */
export type SuppressionReason = "below-threshold" | "complementary";
