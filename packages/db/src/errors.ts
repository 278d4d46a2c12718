/**
 * Errors raised while opening the database. Each carries a message written for the person running
 * the platform (not a developer): what is wrong and what to do. Print `error.message`; no stack
 * trace is needed. `code` is stable for programs.
 */
export class DatabaseSetupError extends Error {
  override readonly name: string = "DatabaseSetupError";
  constructor(
    readonly code:
      | "database-unreachable"
      | "database-newer-than-code"
      | "database-not-migrated"
      | "migration-failed"
      | "database-in-use",
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** The PostgreSQL server at DATABASE_URL could not be reached or refused the login. */
export class DatabaseUnreachableError extends DatabaseSetupError {
  override readonly name = "DatabaseUnreachableError";
  constructor(
    readonly target: string,
    reason: string,
    options?: { cause?: unknown },
  ) {
    super(
      "database-unreachable",
      `Cannot reach the database at ${target} (${reason}). Check that PostgreSQL is running and that DATABASE_URL is right — or unset DATABASE_URL to use the built-in database.`,
      options,
    );
  }
}

/** The database has migrations this version of the code does not know: the code is older. */
export class DatabaseNewerThanCodeError extends DatabaseSetupError {
  override readonly name = "DatabaseNewerThanCodeError";
  constructor(readonly unknownMigrations: readonly string[]) {
    super(
      "database-newer-than-code",
      `The database was upgraded by a newer version of Peacelearn (it has ${unknownMigrations.length === 1 ? "migration" : "migrations"} ${unknownMigrations.join(", ")} that this version does not know). Run the newer version, or restore a backup made before the upgrade. Nothing was changed.`,
    );
  }
}

/** A server database is behind the code and automatic migration was not requested. */
export class DatabaseNotMigratedError extends DatabaseSetupError {
  override readonly name = "DatabaseNotMigratedError";
  constructor(readonly pendingMigrations: readonly string[]) {
    super(
      "database-not-migrated",
      `The database needs ${pendingMigrations.length} update(s) (${pendingMigrations.join(", ")}). Run \`pnpm db:migrate\` once, then start again.`,
    );
  }
}

/** A migration failed now or in an earlier run (recorded as unfinished in _prisma_migrations). */
export class MigrationFailedError extends DatabaseSetupError {
  override readonly name = "MigrationFailedError";
  constructor(
    readonly migration: string,
    detail: string,
    options?: { cause?: unknown },
  ) {
    super(
      "migration-failed",
      `Updating the database failed at step "${migration}": ${detail}. The database was left as it was before that step. Ask for technical help and share this message.`,
      options,
    );
  }
}

/** Another running process holds the embedded database folder. */
export class DatabaseInUseError extends DatabaseSetupError {
  override readonly name = "DatabaseInUseError";
  constructor(
    readonly dataDir: string,
    readonly lockFile: string,
    readonly pid: number,
  ) {
    super(
      "database-in-use",
      `The built-in database in ${dataDir} is already open in another program (process ${pid}). Stop that program first (only one may use the folder at a time). If nothing else is running, delete ${lockFile}.`,
    );
  }
}
