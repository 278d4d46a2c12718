// The translation keys, as types read from the English strings (the default locale, which every
// other locale is checked against): `t("missing.key")` is a type error. Types, and `runtimeKey`;
// keys nest as i18next nests them ("lesson.minutes" is `{ lesson: { minutes } }`), and a
// plural key is called without its suffix ("days_one"/"days_other" → "days").
import type accompaniment from "../locales/en/accompaniment.json";
import type admin from "../locales/en/admin.json";
import type assessment from "../locales/en/assessment.json";
import type auth from "../locales/en/auth.json";
import type cohorts from "../locales/en/cohorts.json";
import type common from "../locales/en/common.json";
import type courses from "../locales/en/courses.json";
import type credentials from "../locales/en/credentials.json";
import type evaluation from "../locales/en/evaluation.json";
import type kit from "../locales/en/kit.json";
import type plans from "../locales/en/plans.json";
import type reports from "../locales/en/reports.json";
import type safety from "../locales/en/safety.json";

type Resources = {
  accompaniment: typeof accompaniment;
  admin: typeof admin;
  assessment: typeof assessment;
  auth: typeof auth;
  cohorts: typeof cohorts;
  common: typeof common;
  courses: typeof courses;
  credentials: typeof credentials;
  evaluation: typeof evaluation;
  kit: typeof kit;
  plans: typeof plans;
  reports: typeof reports;
  safety: typeof safety;
};

type Namespace = keyof Resources;
/** One namespace or several; the first is where keys without a "ns:" prefix are looked up. */
export type Namespaces = Namespace | readonly [Namespace, ...Namespace[]];

type PluralSuffix = "zero" | "one" | "two" | "few" | "many" | "other";
type Called<K extends string> = K extends `${infer Base}_${PluralSuffix}` ? Base : K;
type KeysOf<T, Prefix extends string = ""> = {
  [K in keyof T & string]: T[K] extends string
    ? `${Prefix}${Called<K>}`
    : KeysOf<T[K], `${Prefix}${K}.`>;
}[keyof T & string];

/** The keys of one namespace, without its prefix. */
export type KeyIn<N extends Namespace> = KeysOf<Resources[N]>;
/** Any namespace's key with its prefix, "auth:errors.verifyLimited". */
export type QualifiedKey = { [N in Namespace]: `${N}:${KeyIn<N>}` }[Namespace];

type DefaultOf<Ns extends Namespaces> = Ns extends readonly [infer First, ...unknown[]]
  ? First & Namespace
  : Ns & Namespace;

/** The keys a `t` for `Ns` finds: its default namespace's own, or any namespace's prefixed. */
export type TranslationKey<Ns extends Namespaces = "common"> = KeyIn<DefaultOf<Ns>> | QualifiedKey;

/** Interpolation values and i18next's options (`count` picks the plural form), or a default text. */
type TranslateOptions = Record<string, unknown> | string;

/** i18next's `t`, bound to namespaces `Ns` and typed by their keys. */
export type Translate<Ns extends Namespaces = "common"> = (
  key: TranslationKey<Ns>,
  options?: TranslateOptions,
) => string;

/** A `t` of any namespaces, for helpers that use prefixed keys only. */
export type QualifiedTranslate = (key: QualifiedKey, options?: TranslateOptions) => string;

/**
 * A key known only at run time — from data (a schema's message, a stored code) or built from a
 * value typed `string`. It is not checked, so the call says so; i18next shows a missing key as
 * itself, which the pages' tests look for.
 */
export function runtimeKey(key: string): QualifiedKey {
  return key as QualifiedKey;
}
