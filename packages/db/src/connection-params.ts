/** Connection settings of a postgres:// URL, as separate fields (see pg-cli-adapter for why). */
export type ConnectionParams = {
  host: string;
  port: number;
  user: string;
  password: string | undefined;
  database: string;
  ssl: boolean | { rejectUnauthorized: boolean } | undefined;
};

export function connectionParams(url: string): ConnectionParams {
  const parsed = new URL(url);
  if (parsed.protocol !== "postgres:" && parsed.protocol !== "postgresql:") {
    throw new Error(`DATABASE_URL must start with postgresql:// (got "${parsed.protocol}//…")`);
  }
  const sslmode = parsed.searchParams.get("sslmode");
  return {
    host: decodeURIComponent(parsed.hostname) || "localhost",
    port: parsed.port ? Number(parsed.port) : 5432,
    user: decodeURIComponent(parsed.username) || "postgres",
    password: parsed.password ? decodeURIComponent(parsed.password) : undefined,
    database: decodeURIComponent(parsed.pathname.replace(/^\//, "")) || "postgres",
    ssl:
      sslmode === "require" || sslmode === "prefer"
        ? { rejectUnauthorized: false }
        : sslmode === "verify-full" || sslmode === "verify-ca"
          ? true
          : undefined,
  };
}

/** The URL with its password hidden, for messages. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = "***";
    return parsed.toString();
  } catch {
    return "(unparseable DATABASE_URL)";
  }
}
