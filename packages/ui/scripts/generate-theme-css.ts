// Writes src/theme.css from src/theme/tokens.ts. The theme test fails when they differ.
import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { renderThemeCss } from "../src/theme/render-theme-css";

const target = fileURLToPath(new URL("../src/theme.css", import.meta.url));
writeFileSync(target, renderThemeCss());
console.log(`wrote ${target}`);
