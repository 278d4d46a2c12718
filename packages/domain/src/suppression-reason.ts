// Shared by the suppression loop (suppression.ts) and its audit (suppression-audit.ts), so that
// neither imports the other.

/**
 * Why a count is hidden. `disaggregate` says which range the count lies in: `"below-threshold"`
 * (fewer than `minCellSize`) or `"complementary"` (at least `minCellSize`). `disaggregateMany`
 * says only `"withheld"`: the two ranges would narrow what a reader of many tables can work out.
 */
export type SuppressionReason = "below-threshold" | "complementary" | "withheld";
