import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  checkStatements,
  createTestDb,
  loadStatementFiles,
  rawSqlOutsideStatementFiles,
  type TestDb,
} from "./testing";

// Every statement of the package's statement files (found by their names, so a new file or
// statement needs no edit here), PREPAREd against the migrated schema: a renamed column, a
// dropped table or a miscounted $n fails here, naming the statement, on every target.
const src = dirname(fileURLToPath(import.meta.url));
const packages = join(src, "..", "..");

let test: TestDb;
beforeAll(async () => {
  test = await createTestDb();
});
afterAll(() => test?.close());

describe("the package's statements", () => {
  it("each prepares on the migrated schema, with its declared values and columns", async () => {
    const { files, queries } = await loadStatementFiles(src);
    expect(files.length).toBeGreaterThan(0);
    // Each file defines statements, and each statement is filed under the file that defines it.
    expect(files.filter((file) => !queries.some((query) => query.file === file))).toEqual([]);
    expect(await checkStatements(test.db, queries)).toEqual([]);
  });

  it("are the only raw SQL in the packages' production code", () => {
    const driverPlumbing = (file: string) =>
      /[/\\]db[/\\](src[/\\](adapters|test-support)[/\\]|src[/\\]prepared-query\.ts$|src[/\\]statement-files\.ts$|scripts[/\\])/.test(
        file,
      );
    expect(rawSqlOutsideStatementFiles(packages, driverPlumbing)).toEqual([]);
  });
});
