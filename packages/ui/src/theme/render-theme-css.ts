import { colorTokens, radiusTokens } from "./tokens";

/**
 * Renders `theme.css` from the tokens. Kept as a pure function so the test can compare the
 * committed file with it and the two can never drift.
 */
export function renderThemeCss(): string {
  const colors = Object.entries(colorTokens)
    .map(([name, value]) => `  --color-${name}: ${value};`)
    .join("\n");
  const radii = Object.entries(radiusTokens)
    .map(([name, value]) => `  --radius-${name}: ${value};`)
    .join("\n");
  return `/*
 * @peacelearn/ui theme for Tailwind CSS v4.
 * GENERATED from src/theme/tokens.ts by \`pnpm generate:theme\`: edit the tokens, not this file.
 *
 * In the app's stylesheet:
 *   @import "tailwindcss";
 *   @import "@peacelearn/ui/theme.css";
 *   @source "../node_modules/@peacelearn/ui/src";
 */

@theme {
${colors}
${radii}
}

/* One focus indicator for everything: 3px, offset, orange (≥ 3:1 on every surface token). */
@utility focus-ring {
  outline: 3px solid transparent;
  outline-offset: 2px;
  &:focus-visible {
    outline-color: var(--color-focus);
  }
}

/* For wrappers that draw the ring around a focused native control inside them. */
@utility focus-ring-within {
  &:has(:focus-visible) {
    outline: 3px solid var(--color-focus);
    outline-offset: 2px;
  }
}

@layer base {
  /* Elements the kit does not style (plain links in prose, summaries) still get a visible ring. */
  :where(a, button, input, select, textarea, summary, [tabindex]):focus-visible {
    outline: 3px solid var(--color-focus);
    outline-offset: 2px;
  }
}
`;
}
