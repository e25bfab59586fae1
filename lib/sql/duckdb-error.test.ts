import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { describeError, errorText } from "@/lib/result";
import { wasmReadEngine } from "@/test/duckdb-wasm-node";
import { fromDuckDbError, isMissingTable, sqlErrorPosition } from "./duckdb-error";

// Messages as DuckDB's CSV reader writes them (captured from DuckDB 1.4/1.5).
const CONVERSION = `Conversion Error: CSV Error on Line: 30002
Original Line: 30000,abc
Error when converting column "n". Could not convert string "abc" to 'BIGINT'

Column n is being converted as type BIGINT
This type was auto-detected from the CSV file.
Possible solutions:
* Override the type for this column manually by setting the type explicitly, e.g., types={'n': 'VARCHAR'}

  file = staged-1.csv
  delimiter = , (Auto-Detected)`;

const SNIFF = `Invalid Input Error: Error when sniffing file "staged-1.csv".
It was not possible to automatically detect the CSV parsing dialect
The search space used was:
Delimiter Candidates: ',', '|', ';', '	'
Possible fixes:
* Set delimiter (e.g., delim=',')`;

const RAGGED = `Invalid Input Error: CSV Error on Line: 4
Original Line: 3,c,d,e
Expected Number of Columns: 3 Found: 4
Possible fixes:
* Enable null padding (null_padding=true) to replace missing values with NULL`;

describe("fromDuckDbError", () => {
  it("keeps the line, the column and the concrete sentence of a conversion error", () => {
    const error = fromDuckDbError(CONVERSION, "late.csv");
    expect(error).toEqual({
      file: "late.csv",
      line: 30002,
      column: "n",
      message: `Error when converting column "n". Could not convert string "abc" to 'BIGINT'.`,
    });
    expect(describeError(error)).toBe(
      `late.csv, line 30002, column "n": Error when converting column "n". Could not convert string "abc" to 'BIGINT'.`,
    );
  });

  it("says in plain words when the dialect cannot be sniffed, without the internal file name", () => {
    const error = fromDuckDbError(SNIFF, "data.csv");
    expect(error.line).toBeUndefined();
    expect(error.message).toMatch(/Could not detect how this file is laid out/);
    expect(error.message).not.toContain("staged-1.csv");
  });

  it("reports ragged rows with their line and drops the advice for SQL users", () => {
    const error = fromDuckDbError(RAGGED, "r.csv");
    expect(error.line).toBe(4);
    expect(error.message).toBe("Expected Number of Columns: 3 Found: 4.");
  });

  it("falls back to the first line of an unknown error", () => {
    expect(fromDuckDbError("Error: Catalog Error: Table x does not exist").message).toBe("Table x does not exist.");
  });
});

describe("sqlErrorPosition", () => {
  const prefix = "CREATE TABLE t AS\nSELECT 1;\n";
  const statement = `${prefix}SELECT *\nFROM x WHERE FORM transformed`;
  const PARSER = `Parser Error: syntax error at or near "FORM"

LINE 4: FROM x WHERE FORM transformed
                     ^`;

  it("finds the line and the character the caret points at, less the lines put in front", () => {
    expect(sqlErrorPosition(PARSER, statement, prefix.length)).toEqual({ line: 2, position: 14 });
    expect(sqlErrorPosition(PARSER, statement)).toEqual({ line: 4, position: 14 });
  });

  it("uses the character offset of DuckDB-WASM's JSON errors", () => {
    const offset = statement.indexOf("FORM");
    const json = JSON.stringify({ exception_type: "Parser", exception_message: 'syntax error at or near "FORM"', position: String(offset) });
    expect(sqlErrorPosition(json, statement, prefix.length)).toEqual({ line: 2, position: 14 });
    expect(fromDuckDbError(json).message).toBe('syntax error at or near "FORM".');
  });

  it("returns null when DuckDB gives no position", () => {
    expect(sqlErrorPosition("Catalog Error: Table x does not exist", "SELECT * FROM x")).toBeNull();
  });
});

describe("the catalog answer the engine acts on, from DuckDB-WASM itself", () => {
  let engine: Awaited<ReturnType<typeof wasmReadEngine>>;
  beforeAll(async () => {
    engine = await wasmReadEngine();
    await engine.rows("CREATE TABLE t AS SELECT 1 AS a");
    await engine.rows("CREATE VIEW v AS SELECT 1 AS a");
  });
  afterAll(() => engine.close());
  const refusal = (sql: string) => engine.rows(sql).then(() => "", (error: unknown) => errorText(error));

  it("tells a result no run wrote from a result that fails to read", async () => {
    expect(isMissingTable(await refusal("DESCRIBE missing"))).toBe(true);
    expect(await refusal("DESCRIBE v")).toBe("");
    await engine.rows("CREATE VIEW broken AS SELECT * FROM t");
    await engine.rows("ALTER TABLE t RENAME COLUMN a TO b");
    expect(isMissingTable(await refusal("DESCRIBE broken"))).toBe(false);
  });
});
