// Types of lib.mjs for the TypeScript benchmarks (load, fault).
import type { ChildProcess } from "node:child_process";

export const here: string;
export const root: string;
export const learn: string;
export const DEMO_PASSWORD: string;

export type DatabaseEnv = { DATABASE_URL?: string; PGLITE_DIR?: string };

export function waitFor(url: string): Promise<void>;
export function stopChild(child: ChildProcess, graceMs?: number): Promise<void>;
export function freshServerDatabase(
  serverUrl: string,
): Promise<{ url: string; drop(): Promise<void> }>;
export function buildApp(options?: { floor?: boolean }): void;
export function benchDatabase(): Promise<{
  env: DatabaseEnv;
  kind: string;
  drop(): Promise<void>;
}>;
export function prepareDatabase(database: DatabaseEnv): void;
export function startApp(options: {
  port: number;
  database: DatabaseEnv;
  extraEnv?: Record<string, string>;
  logFile?: string;
}): Promise<{ url: string; child: ChildProcess; stop(): Promise<void> }>;
export function signIn(
  app: string,
  email: string,
  headers?: Record<string, string>,
): Promise<{ cookie: string }>;
