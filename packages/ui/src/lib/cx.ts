/** Joins class names, skipping falsy ones. Tiny on purpose: the kit ships no class-merging library. */
export function cx(...classes: Array<string | false | null | undefined>): string {
  return classes.filter(Boolean).join(" ");
}
