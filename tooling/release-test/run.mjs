#!/usr/bin/env node
// The release flow, end to end, without touching the real registry or this working tree:
//   1. copy the workspace (tracked and new files) to a temp folder and install it offline;
//   2. start Verdaccio on 127.0.0.1 with no uplinks, and create a publisher account;
//   3. `changeset version` + build + `changeset publish` there, as a release would;
//   4. a fresh project installs @peacelearn/domain and @peacelearn/ui from that registry and
//      imports both (ESM and CJS), rendering a component on the server.
import { execFileSync, spawn } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, "..", "..");
const VERDACCIO = "6.8.0";
const work = mkdtempSync(join(tmpdir(), "peacelearn-release-"));
const pnpm = join(root, "node_modules", ".bin", "pnpm");

function sh(command, args, options = {}) {
  console.log(`  $ ${command} ${args.join(" ")}`);
  return execFileSync(command, args, { stdio: "inherit", ...options });
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

async function waitFor(url, seconds) {
  const deadline = Date.now() + seconds * 1000;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {}
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${url} did not answer within ${seconds}s`);
}

/** GET a registry document; retried because Verdaccio closes idle keep-alive sockets. */
async function getJson(url) {
  for (let attempt = 1; ; attempt++) {
    try {
      return await (await fetch(url, { headers: { connection: "close" } })).json();
    } catch (error) {
      if (attempt >= 3) throw error;
      await new Promise((r) => setTimeout(r, 500));
    }
  }
}

let registryProcess;
try {
  console.log(`release test in ${work}`);

  // 1. Verdaccio in its own npm project: its dependency tree needs an override (STACK.md).
  const registryHome = join(work, "verdaccio");
  mkdirSync(join(registryHome, "storage"), { recursive: true });
  writeFileSync(
    join(registryHome, "package.json"),
    JSON.stringify({
      private: true,
      dependencies: { verdaccio: VERDACCIO },
      overrides: { "node-fetch": "2.7.0" },
    }),
  );
  sh("npm", ["install", "--no-audit", "--no-fund", "--loglevel=error"], { cwd: registryHome });
  const port = await freePort();
  const registry = `http://127.0.0.1:${port}/`;
  writeFileSync(
    join(registryHome, "config.yaml"),
    [
      `storage: ${join(registryHome, "storage")}`,
      "auth:",
      "  htpasswd:",
      `    file: ${join(registryHome, "htpasswd")}`,
      "uplinks: {}",
      "packages:",
      '  "@peacelearn/*":',
      "    access: $all",
      "    publish: $authenticated",
      '  "**":',
      "    access: $all",
      "    publish: $authenticated",
      "log: { type: stdout, format: pretty, level: warn }",
      "",
    ].join("\n"),
  );
  registryProcess = spawn(
    join(registryHome, "node_modules", ".bin", "verdaccio"),
    ["--config", join(registryHome, "config.yaml"), "--listen", `127.0.0.1:${port}`],
    { stdio: "inherit" },
  );
  await waitFor(`${registry}-/ping`, 30);

  const user = {
    name: "release-bot",
    password: "release-test-password",
    email: "bot@peacelearn.test",
  };
  const added = await fetch(`${registry}-/user/org.couchdb.user:${user.name}`, {
    method: "PUT",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ ...user, type: "user", roles: [], date: new Date().toISOString() }),
  });
  const { token } = await added.json();
  if (!token) throw new Error(`could not create a registry user (${added.status})`);
  // pnpm ignores ${ENV} auth lines in a project .npmrc: use a user-level config (STACK.md).
  const npmrc = join(work, "npmrc");
  const host = registry.replace(/^http:/, "");
  writeFileSync(npmrc, `@peacelearn:registry=${registry}\n${host}:_authToken=${token}\n`);
  const registryEnv = { ...process.env, NPM_CONFIG_USERCONFIG: npmrc };

  // 2. A copy of the workspace as committed plus new files, so the release can consume changesets.
  const repo = join(work, "repo");
  const files = execFileSync(
    "git",
    ["ls-files", "-z", "--cached", "--others", "--exclude-standard"],
    {
      cwd: root,
    },
  )
    .toString()
    .split("\0")
    .filter(Boolean);
  for (const file of files) {
    mkdirSync(dirname(join(repo, file)), { recursive: true });
    try {
      cpSync(join(root, file), join(repo, file));
    } catch (error) {
      if (error.code !== "ENOENT") throw error; // deleted in the working tree
    }
  }
  sh("git", ["init", "-q"], { cwd: repo });
  sh("git", ["add", "-A"], { cwd: repo });
  sh(
    "git",
    [
      "-c",
      "user.name=release-test",
      "-c",
      "user.email=ci@peacelearn.test",
      "commit",
      "-qm",
      "release test",
    ],
    {
      cwd: repo,
    },
  );
  // Turborepo spawns `pnpm run …` per task and needs an absolute PATH entry to find it.
  const repoEnv = {
    ...registryEnv,
    TURBO_TELEMETRY_DISABLED: "1",
    PATH: `${join(repo, "node_modules", ".bin")}:${process.env.PATH ?? ""}`,
  };
  sh(pnpm, ["install", "--frozen-lockfile", "--prefer-offline"], { cwd: repo, env: repoEnv });

  // 3. What `pnpm version-packages` and `pnpm release` do.
  sh(pnpm, ["changeset", "version"], { cwd: repo, env: repoEnv });
  const versions = Object.fromEntries(
    ["domain", "ui"].map((pkg) => {
      const manifest = JSON.parse(
        readFileSync(join(repo, "packages", pkg, "package.json"), "utf8"),
      );
      return [manifest.name, manifest.version];
    }),
  );
  console.log(`  versions after changeset version: ${JSON.stringify(versions)}`);
  sh(join(repo, "node_modules", ".bin", "turbo"), ["run", "build", "--filter=./packages/*"], {
    cwd: repo,
    env: repoEnv,
  });
  sh(pnpm, ["changeset", "publish"], { cwd: repo, env: repoEnv });
  for (const [name, version] of Object.entries(versions)) {
    const meta = await getJson(`${registry}${name.replace("/", "%2f")}`);
    if (!meta.versions?.[version])
      throw new Error(`${name}@${version} is not on the local registry`);
    console.log(`  published ${name}@${version}`);
  }

  // 4. A stranger's project installs from the registry.
  const consumer = join(work, "consumer");
  mkdirSync(consumer);
  writeFileSync(
    join(consumer, "package.json"),
    JSON.stringify({ name: "stranger", private: true }),
  );
  const catalog = readFileSync(join(root, "pnpm-workspace.yaml"), "utf8");
  const pin = (name) =>
    `${name}@${new RegExp(`^\\s+"?${name}"?:\\s*(\\S+)$`, "m").exec(catalog)[1]}`;
  sh(
    "npm",
    [
      "install",
      "--no-audit",
      "--no-fund",
      "--loglevel=error",
      `@peacelearn/domain@${versions["@peacelearn/domain"]}`,
      `@peacelearn/ui@${versions["@peacelearn/ui"]}`,
      pin("zod"),
      pin("react"),
      pin("react-dom"),
    ],
    { cwd: consumer, env: registryEnv },
  );
  writeFileSync(
    join(consumer, "check.mjs"),
    `import { countries } from "@peacelearn/domain";
import { Badge } from "@peacelearn/ui";
import { createElement } from "react";
import { renderToString } from "react-dom/server";
const html = renderToString(createElement(Badge, null, countries.SL.name.fr));
if (!html.includes("Sierra Leone")) throw new Error("unexpected render: " + html);
console.log("  ESM consumer rendered:", html);
`,
  );
  writeFileSync(
    join(consumer, "check.cjs"),
    `const { countries } = require("@peacelearn/domain");
const { Badge } = require("@peacelearn/ui");
if (countries.NP.alpha3 !== "NPL") throw new Error("wrong data");
if (typeof Badge !== "function") throw new Error("no Badge");
console.log("  CJS consumer: ok");
`,
  );
  sh("node", ["check.mjs"], { cwd: consumer });
  sh("node", ["check.cjs"], { cwd: consumer });
  console.log(
    "release test passed: changeset version → publish → install from the registry → import",
  );
} finally {
  registryProcess?.kill();
  if (!process.env.KEEP_RELEASE_TEST) rmSync(work, { recursive: true, force: true });
}
