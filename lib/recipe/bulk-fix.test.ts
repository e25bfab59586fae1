import { beforeEach, describe, expect, it } from "vitest";
import { freshDuckDb } from "@/test/duckdb-node";
import { bulkFixSql, describeFix, type BulkFix, type FixRows } from "./bulk-fix";
import type { CellEdit } from "./edits";
import { checkFlags, validationSql } from "./checks";
import type { Rule } from "./schema";

const COLUMNS = [
  { name: "id", type: "BIGINT" },
  { name: "status", type: "VARCHAR" },
];
const RULES: Rule[] = [{ id: "s", kind: "oneOf", column: "status", values: ["open", "closed"], severity: "reject", enabled: true }];
let db: Awaited<ReturnType<typeof freshDuckDb>>;

beforeEach(async () => {
  db = await freshDuckDb();
  await db.run(`CREATE TABLE staged AS SELECT * FROM (VALUES (1, 'open'), (2, ' Open '), (3, 'CLOSED'), (4, NULL), (5, 'open ')) v(id, status)`);
  await db.run(`CREATE TABLE checks AS ${validationSql('"staged"', RULES, COLUMNS)}`);
});

const changes = async (fix: BulkFix, within: FixRows = { checks: { table: "checks", flags: checkFlags(RULES) } }, edits: CellEdit[] = [], column = COLUMNS[1]!) =>
  (await db.rows(bulkFixSql("staged", COLUMNS, column, fix, within, edits))).map((r) => [r.row, r.from, r.to, r.n]);

describe("bulkFixSql", () => {
  it("changes only the failing cells of the column, and counts them", async () => {
    expect(await changes({ kind: "trim" })).toEqual([
      [2, " Open ", "Open", 2],
      [5, "open ", "open", 2],
    ]);
    expect(await changes({ kind: "case", to: "lower" })).toEqual([
      [2, " Open ", " open ", 2],
      [3, "CLOSED", "closed", 2],
    ]);
  });

  it("reaches every row when asked, and fills empty cells", async () => {
    expect(await changes({ kind: "fillEmpty", value: "open" }, "all")).toEqual([[4, null, "open", 1]]);
    expect(await changes({ kind: "replaceValue", from: "open", to: "opened" }, "all")).toEqual([[1, "open", "opened", 1]]);
    expect(await changes({ kind: "findReplace", find: "pen", with: "PEN" }, "all")).toEqual([
      [1, "open", "oPEN", 3],
      [2, " Open ", " OPEN ", 3],
      [5, "open ", "oPEN ", 3],
    ]);
  });

  it("starts from the values with the edits in force, and leaves out new values the column's type cannot hold", async () => {
    const edit: CellEdit = { row: 2, column: "status", from: " Open ", to: "open", at: "t" };
    expect(await changes({ kind: "trim" }, "all", [edit])).toEqual([[5, "open ", "open", 1]]);
    expect(await changes({ kind: "findReplace", find: "1", with: "x" }, "all", [], COLUMNS[0]!)).toEqual([]);
    expect(await changes({ kind: "findReplace", find: "1", with: "7" }, "all", [], COLUMNS[0]!)).toEqual([[1, "1", "7", 1]]);
  });

  it("reaches only the rows a query selects, as a grid's filter does", async () => {
    const shown = `SELECT rowid FROM staged WHERE id >= 3`;
    expect(await changes({ kind: "case", to: "upper" }, { rowIds: shown })).toEqual([
      [5, "open ", "OPEN ", 1],
    ]);
  });

  it("quotes what the user typed", async () => {
    expect(await changes({ kind: "replaceValue", from: "open", to: "x'); DROP TABLE staged; --" }, "all")).toEqual([[1, "open", "x'); DROP TABLE staged; --", 1]]);
    expect(describeFix({ kind: "fillEmpty", value: "n/a" })).toBe("fill empty cells with “n/a”");
  });
});
