// Compiled with `exactOptionalPropertyTypes` (tsconfig.exact-optional.json): values that may be
// `undefined` go into the package's optional options and fields as they are. Each line fails to
// compile if the option it passes loses its `| undefined`.
import {
  type ConflictContextAudience,
  conflictContextName,
  type DisaggregationOptions,
  type DisaggregationRecord,
  disaggregate,
  type LocationNameForm,
  locationName,
} from "../src/index";

declare const audience: ConflictContextAudience | undefined;
declare const locale: string | undefined;
declare const form: LocationNameForm | undefined;
declare const minCellSize: number | undefined;
declare const count: number | undefined;

export const names = [
  conflictContextName("GE-AB", { audience, locale }),
  locationName("GE-AB", { audience, locale, form }),
];
const record: DisaggregationRecord = {
  count,
  gender: undefined,
  birthYear: undefined,
  ageBand: undefined,
  location: undefined,
  activityType: undefined,
  disability: undefined,
};
const options: DisaggregationOptions = { by: ["gender"], minCellSize, age: undefined };
export const result = disaggregate([record], options);
