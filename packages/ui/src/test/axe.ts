import axe from "axe-core";

/**
 * Runs axe on a rendered container and returns the violations, formatted for a readable failure.
 * `color-contrast` is off: jsdom has no layout or computed colours (contrast is checked from the
 * tokens and in the browser gallery run instead).
 */
export async function axeViolations(container: Element): Promise<string[]> {
  const result = await axe.run(container, {
    rules: { "color-contrast": { enabled: false }, region: { enabled: false } },
  });
  return result.violations.map(
    (violation) =>
      `${violation.id}: ${violation.help} — ${violation.nodes.map((node) => node.html).join(" | ")}`,
  );
}
