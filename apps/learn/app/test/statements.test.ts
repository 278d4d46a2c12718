import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import {
  checkStatements,
  createTestDb,
  loadStatementFiles,
  rawSqlOutsideStatementFiles,
  type TestDb,
} from "@peacelearn/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

// Every statement of the app's statement files (`*.sql.server.ts`, found by name: a new file or
// statement needs no edit here), PREPAREd against the migrated schema on this run's target
// (PGlite, or TEST_DATABASE_TARGET=postgres): a renamed column, a dropped table or a miscounted
// $n fails here deterministically, naming the statement — not only on the page that runs it.
const app = join(dirname(fileURLToPath(import.meta.url)), "..");

let test: TestDb;
beforeAll(async () => {
  test = await createTestDb();
});
afterAll(() => test?.close());

describe("the app's statements", () => {
  it("each prepares on the migrated schema, with its declared values and columns", async () => {
    const { files, queries } = await loadStatementFiles(app);
    expect(files.length).toBeGreaterThan(0);
    // Each file defines statements, and each statement is filed under the file that defines it.
    expect(files.filter((file) => !queries.some((query) => query.file === file))).toEqual([]);
    expect(await checkStatements(test.db, queries)).toEqual([]);
  });

  it("are the only raw SQL in the app's production code", () => {
    expect(rawSqlOutsideStatementFiles(app)).toEqual([]);
  });
});
