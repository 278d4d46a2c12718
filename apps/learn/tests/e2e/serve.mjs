// Serves the production build for the browser tests on its own throw-away embedded database.
import { spawn } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const env = { ...process.env };
if (!env.DATABASE_URL && !env.PGLITE_DIR)
  env.PGLITE_DIR = mkdtempSync(join(tmpdir(), "peacelearn-e2e-"));

const server = spawn("node", ["server.js"], {
  stdio: "inherit",
  env,
});
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.kill(signal));
server.on("exit", (code) => process.exit(code ?? 0));
