// A real database that a test can make unreachable, the way an outage does: the embedded
// database is closed (PGlite), or — on a PostgreSQL server — the app reaches it through a TCP
// relay of our own that is then shut and its connections cut, so the app sees what a stopped
// server gives (connection refused, connections ended mid-query) without touching the server.
import { createServer, connect as netConnect, type Server, type Socket } from "node:net";
import { createDb, type Db } from "@peacelearn/db";
import { createTestDb, createTestPglite, type TestDbTarget } from "@peacelearn/db/testing";

export type OutageDatabase = {
  db: Db;
  target: TestDbTarget;
  /** A client of the same database that skips the relay (postgres target only). */
  direct?: Db | undefined;
  /** Makes the database unreachable for good. */
  cut(): Promise<void>;
  close(): Promise<void>;
};

/** Follows TEST_DATABASE_TARGET, like every database test (pglite by default). */
export async function createOutageDatabase(): Promise<OutageDatabase> {
  if (process.env.TEST_DATABASE_TARGET === "postgres") return createRelayedServerDatabase();
  const pglite = await createTestPglite();
  const db = await createDb({ pglite, migrate: "check" });
  return {
    db,
    target: "pglite",
    cut: () => pglite.close(),
    close: async () => {
      await db.$disconnect().catch(() => {});
    },
  };
}

async function createRelayedServerDatabase(): Promise<OutageDatabase> {
  const test = await createTestDb({ target: "postgres" });
  const server = new URL(test.databaseUrl ?? "");
  const sockets = new Set<Socket>();
  const relay: Server = createServer((client) => {
    const upstream = netConnect(Number(server.port || 5432), server.hostname);
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.on("error", () => socket.destroy());
      socket.on("close", () => sockets.delete(socket));
    }
    client.on("close", () => upstream.destroy());
    upstream.on("close", () => client.destroy());
    client.pipe(upstream).pipe(client);
  });
  await new Promise<void>((resolve) => relay.listen(0, "127.0.0.1", resolve));
  const address = relay.address();
  if (typeof address !== "object" || address === null) throw new Error("relay has no port");
  const relayed = new URL(server);
  relayed.hostname = "127.0.0.1";
  relayed.port = String(address.port);
  const db = await createDb({
    databaseUrl: relayed.toString(),
    migrate: "check",
    connectTimeoutSeconds: 2,
  });
  return {
    db,
    target: "postgres",
    direct: test.db,
    cut: async () => {
      const closed = new Promise<void>((resolve) => relay.close(() => resolve()));
      for (const socket of sockets) socket.destroy();
      await closed;
    },
    close: async () => {
      await db.$disconnect().catch(() => {});
      await test.close();
    },
  };
}

/** A loopback port nothing listens on (taken from the system, then released). */
export async function unusedPort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
  const address = probe.address();
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  if (typeof address !== "object" || address === null) throw new Error("no port");
  return address.port;
}
