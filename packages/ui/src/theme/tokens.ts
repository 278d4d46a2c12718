/**
 * Design tokens of the Peacelearn theme — the single source of truth.
 *
 * `src/theme.css` is generated from this module (`pnpm generate:theme`) and a test fails if the two
 * drift apart. Every colour that carries text or marks a control's boundary is listed in
 * {@link contrastPairs}, and a test checks each pair against WCAG 2.2 (1.4.3 text ≥ 4.5:1,
 * 1.4.11 non-text ≥ 3:1).
 */
export const colorTokens = {
  /** Page and card background. */
  surface: "#ffffff",
  /** Subtle panels, table stripes, skeletons. */
  "surface-muted": "#f3f4f6",
  /** Body text. */
  ink: "#1b1f24",
  /** Secondary text (descriptions, captions). */
  "ink-muted": "#4b5563",
  /** Decorative dividers only: never the only boundary of a control. */
  border: "#d1d5db",
  /** Boundaries of inputs, checkboxes and outline buttons (non-text contrast). */
  "border-strong": "#6f7a89",
  primary: "#0b5cad",
  "primary-hover": "#084a8c",
  "on-primary": "#ffffff",
  danger: "#b91c1c",
  "danger-hover": "#991b1b",
  "on-danger": "#ffffff",
  /** Focus ring: orange, so it stays distinct from the blue primary colour. */
  focus: "#c2410c",
  "info-surface": "#e8f0fb",
  "info-ink": "#1e3a8a",
  "info-border": "#0b5cad",
  "success-surface": "#e7f5ec",
  "success-ink": "#14532d",
  "success-border": "#15803d",
  "warning-surface": "#fdf3dc",
  "warning-ink": "#713f12",
  "warning-border": "#a3470b",
  "danger-surface": "#fdecec",
  "danger-ink": "#7f1d1d",
  "danger-border": "#b91c1c",
  "chart-women": "#6d28d9",
  "chart-men": "#0f766e",
  "chart-other": "#a3470b",
  "chart-suppressed": "#4b5563",
} as const;

/** Name of a colour token; `--color-<name>` in CSS and `bg-<name>`/`text-<name>` in Tailwind. */
export type ColorToken = keyof typeof colorTokens;

/** Corner radii, exposed as `--radius-<name>`. */
export const radiusTokens = {
  control: "0.375rem",
  card: "0.75rem",
} as const;

/** What a contrast pair is checked for: body text (4.5:1) or a UI boundary/focus indicator (3:1). */
export type ContrastKind = "text" | "ui";

/** A foreground/background pair that components actually render, with its WCAG requirement. */
export interface ContrastPair {
  foreground: ColorToken;
  background: ColorToken;
  kind: ContrastKind;
  /** Where the pair is used, so a failing test says what to fix. */
  usage: string;
}

const text = (foreground: ColorToken, background: ColorToken, usage: string): ContrastPair => ({
  foreground,
  background,
  kind: "text",
  usage,
});
const ui = (foreground: ColorToken, background: ColorToken, usage: string): ContrastPair => ({
  foreground,
  background,
  kind: "ui",
  usage,
});

/** Every colour pair the components render. */
export const contrastPairs: readonly ContrastPair[] = [
  text("ink", "surface", "body text"),
  text("ink", "surface-muted", "text on muted panels"),
  text("ink-muted", "surface", "descriptions, captions"),
  text("ink-muted", "surface-muted", "captions on muted panels"),
  text("primary", "surface", "links, secondary button label"),
  text("primary", "surface-muted", "links on muted panels"),
  text("on-primary", "primary", "primary button"),
  text("on-primary", "primary-hover", "primary button, hovered"),
  text("on-danger", "danger", "danger button"),
  text("on-danger", "danger-hover", "danger button, hovered"),
  text("danger-ink", "surface", "field error message"),
  text("info-ink", "info-surface", "info alert and badge"),
  text("success-ink", "success-surface", "success alert and badge"),
  text("warning-ink", "warning-surface", "warning alert and badge"),
  text("danger-ink", "danger-surface", "danger alert and badge"),
  text("ink", "info-surface", "alert body on info"),
  text("ink", "warning-surface", "alert body on warning"),
  ui("border-strong", "surface", "input, checkbox and outline-button boundary"),
  ui("border-strong", "surface-muted", "input boundary on muted panels"),
  ui("focus", "surface", "focus ring"),
  ui("focus", "surface-muted", "focus ring on muted panels"),
  ui("focus", "info-surface", "focus ring inside info alert"),
  ui("focus", "warning-surface", "focus ring inside warning alert"),
  ui("focus", "danger-surface", "focus ring inside danger alert"),
  ui("danger-border", "surface", "invalid input boundary"),
  ui("info-border", "info-surface", "info alert edge"),
  ui("success-border", "success-surface", "success alert edge"),
  ui("warning-border", "warning-surface", "warning alert edge"),
  ui("danger-border", "danger-surface", "danger alert edge"),
  ui("primary", "surface-muted", "progress bar fill on its track"),
  ui("chart-women", "surface", "chart bar: women"),
  ui("chart-men", "surface", "chart bar: men"),
  ui("chart-other", "surface", "chart bar: other genders"),
  ui("chart-suppressed", "surface", "chart hatching: suppressed cell"),
];

/** WCAG minimum ratio for a pair kind (1.4.3 AA text, 1.4.11 non-text). */
export const minimumContrast: Record<ContrastKind, number> = { text: 4.5, ui: 3 };

function channel(value: number): number {
  const c = value / 255;
  // WCAG 2.x relative luminance definition (sRGB linearisation).
  return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
}

/** Relative luminance of a `#rrggbb` colour, as defined by WCAG 2.x. */
export function relativeLuminance(hex: string): number {
  const match = /^#([0-9a-f]{6})$/i.exec(hex);
  if (!match?.[1]) throw new Error(`Expected #rrggbb, got ${hex}`);
  const n = Number.parseInt(match[1], 16);
  const r = channel((n >> 16) & 0xff);
  const g = channel((n >> 8) & 0xff);
  const b = channel(n & 0xff);
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG contrast ratio between two `#rrggbb` colours, from 1 to 21. */
export function contrastRatio(a: string, b: string): number {
  const [light, dark] = [relativeLuminance(a), relativeLuminance(b)].sort((x, y) => y - x) as [
    number,
    number,
  ];
  return (light + 0.05) / (dark + 0.05);
}
