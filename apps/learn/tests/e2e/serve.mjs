// Serves the production build for the browser tests on its own throw-away embedded database,
// prepared exactly as `npm start` prepares one (migrations, courses, demo data).
import { execFileSync, spawn } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const env = { ...process.env };
if (!env.DATABASE_URL && !env.PGLITE_DIR) {
  env.PGLITE_DIR = join(mkdtempSync(join(tmpdir(), "peacelearn-e2e-")), "pglite");
}

execFileSync(
  "node_modules/.bin/tsx",
  ["--conditions=@peacelearn/source", "scripts/prepare-db.ts"],
  {
    stdio: "inherit",
    env,
  },
);
const server = spawn("node", ["server.js"], { stdio: "inherit", env });
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.kill(signal));
server.on("exit", (code) => process.exit(code ?? 0));
