// A private, throw-away PostgreSQL cluster for the fault script: Debian's initdb and pg_ctl in a
// temp folder, listening on a free loopback port only (never the shared server on 5432), run as
// the `postgres` user when this script runs as root (PostgreSQL refuses to run as root). Every
// command is asynchronous (the load keeps running while the server stops and starts) and bounded
// in time.
import { spawn } from "node:child_process";
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { freePort } from "./load-options";

const binDir = process.env.BENCH_PG_BIN ?? "/usr/lib/postgresql/15/bin";

type Result = { code: number | null; output: string };

function run(command: string, args: string[], cwd: string, timeoutMs = 90_000): Promise<Result> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout.on("data", (chunk) => {
      output += chunk;
    });
    child.stderr.on("data", (chunk) => {
      output += chunk;
    });
    const timer = setTimeout(() => child.kill("SIGKILL"), timeoutMs);
    child.once("error", (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.once("close", (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    });
  });
}

const quote = (arg: string) => `'${arg.replaceAll("'", `'\\''`)}'`;

/** How to run a PostgreSQL tool: directly, or as `postgres` (runuser, else su) when we are root. */
async function runnerFor(
  cwd: string,
): Promise<(tool: string, args: string[]) => [string, string[]]> {
  if (process.getuid?.() !== 0) return (tool, args) => [join(binDir, tool), args];
  if (
    (await run("runuser", ["-u", "postgres", "--", "true"], cwd, 10_000).catch(() => null))
      ?.code === 0
  ) {
    return (tool, args) => ["runuser", ["-u", "postgres", "--", join(binDir, tool), ...args]];
  }
  if (
    (await run("su", ["postgres", "-s", "/bin/sh", "-c", "true"], cwd, 10_000).catch(() => null))
      ?.code === 0
  ) {
    return (tool, args) => [
      "su",
      ["postgres", "-s", "/bin/sh", "-c", [join(binDir, tool), ...args].map(quote).join(" ")],
    ];
  }
  throw new Error("running as root, and neither `runuser -u postgres` nor `su postgres` works");
}

/** The processes whose parent is `pid` (read from /proc). */
function childrenOf(pid: number): number[] {
  const found: number[] = [];
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      // "pid (comm) state ppid …": comm may hold spaces and parentheses.
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      if (Number(fields[1]) === pid) found.push(Number(entry));
    } catch {
      // The process ended while we looked.
    }
  }
  return found;
}

/** Running (a zombie waiting to be reaped is already dead for our purpose). */
function alive(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    return stat.slice(stat.lastIndexOf(")") + 2, stat.lastIndexOf(")") + 3) !== "Z";
  } catch {
    return false;
  }
}

export type Cluster = {
  port: number;
  dir: string;
  url(database: string): string;
  /** Starts the server and waits until it accepts connections. */
  start(): Promise<void>;
  /** `pg_ctl stop -m fast` (or `immediate`): waits until the server is down. */
  stop(mode: "fast" | "immediate"): Promise<void>;
  /** SIGKILL to the postmaster and every backend, as a crash or an OOM kill would. */
  kill(): Promise<void>;
  createDatabase(name: string): Promise<void>;
  /** Stops the server whatever its state and removes the folder. */
  destroy(): Promise<void>;
};

export async function createCluster(): Promise<Cluster> {
  for (const tool of ["initdb", "pg_ctl", "createdb"]) {
    if (!existsSync(join(binDir, tool))) {
      throw new Error(`${join(binDir, tool)} not found (BENCH_PG_BIN names another folder)`);
    }
  }
  const dir = mkdtempSync(join(tmpdir(), "peacelearn-fault-pg-"));
  const data = join(dir, "data");
  const log = join(dir, "postgres.log");
  let as: Awaited<ReturnType<typeof runnerFor>>;
  let port: number;
  try {
    as = await runnerFor(dir);
    if (process.getuid?.() === 0) {
      const uid = await run("id", ["-u", "postgres"], dir);
      const gid = await run("id", ["-g", "postgres"], dir);
      chownSync(dir, Number(uid.output.trim()), Number(gid.output.trim()));
    }
    port = await freePort();
    if (port === 5432)
      throw new Error("the free port was 5432: refusing to come near the shared one");
    const [command, args] = as("initdb", [
      "-D",
      data,
      "-A",
      "trust",
      "-U",
      "postgres",
      "-E",
      "UTF8",
      "--locale=C",
    ]);
    const result = await run(command, args, dir);
    if (result.code !== 0) throw new Error(`initdb failed (${result.code}):\n${result.output}`);
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  const runner = as;
  const tool = async (name: string, args: string[], timeoutMs?: number) => {
    const [command, commandArgs] = runner(name, args);
    const result = await run(command, commandArgs, dir, timeoutMs);
    if (result.code !== 0) {
      throw new Error(`${name} ${args.join(" ")} failed (${result.code}):\n${result.output}`);
    }
    return result;
  };
  const postmasterPid = () => {
    try {
      return Number(readFileSync(join(data, "postmaster.pid"), "utf8").split("\n")[0]);
    } catch {
      return null;
    }
  };
  const cluster: Cluster = {
    port,
    dir,
    url: (database) => `postgresql://postgres@127.0.0.1:${port}/${database}`,
    async start() {
      const options = `-p ${port} -c listen_addresses=127.0.0.1 -k ${dir}`;
      await tool("pg_ctl", ["-D", data, "-l", log, "-w", "-t", "60", "-o", options, "start"]);
    },
    async stop(mode) {
      await tool("pg_ctl", ["-D", data, "-m", mode, "-w", "-t", "60", "stop"]);
    },
    async kill() {
      const pid = postmasterPid();
      if (!pid || !alive(pid)) return;
      const backends = childrenOf(pid);
      process.kill(pid, "SIGKILL");
      for (const backend of backends) {
        try {
          process.kill(backend, "SIGKILL");
        } catch {
          // Already gone.
        }
      }
      // Bounded: the kernel reaps SIGKILLed processes within moments.
      for (let i = 0; i < 100 && [pid, ...backends].some(alive); i++) {
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    },
    async createDatabase(name) {
      await tool("createdb", ["-h", "127.0.0.1", "-p", String(port), "-U", "postgres", name]);
    },
    async destroy() {
      const pid = postmasterPid();
      if (pid && alive(pid)) {
        await cluster
          .stop("fast")
          .catch(() => cluster.stop("immediate").catch(() => cluster.kill()));
      }
      const left = postmasterPid();
      if (left && alive(left)) await cluster.kill();
      rmSync(dir, { recursive: true, force: true });
    },
  };
  return cluster;
}
