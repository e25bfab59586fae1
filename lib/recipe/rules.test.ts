import { beforeEach, describe, expect, it } from "vitest";
import { freshDuckDb } from "@/test/duckdb-node";
import type { Column } from "@/lib/datasets/manifest";
import { checkedRowsSql, checkFlags, validationSql } from "./checks";
import { checkRule, columnFindings, passesSql, reservedColumnsProblem, ruleMessage, type RowRule } from "./rules";
import type { Rule } from "./schema";

const COLUMNS: Column[] = [
  { name: "id", type: "BIGINT" },
  { name: "email", type: "VARCHAR" },
  { name: "amount", type: "VARCHAR" },
  { name: "status", type: "VARCHAR" },
];

// Row 3's email holds a newline, so every later row sits one line further down.
const ROWS = `(1, 'a@x.org', '10', 'open'),
  (2, NULL, '1.5', 'closed'),
  (3, 'b@x.org' || chr(10) || 'more', 'abc', 'open'),
  (3, '  ', '-4', 'weird'),
  (5, 'c@x', '20', NULL)`;

const rule = (r: Partial<Rule> & Pick<Rule, "kind">, id: string = r.kind): Rule =>
  ({ id, severity: "reject", enabled: true, ...r }) as Rule;

/** The rows beside their checks, as the pipeline reads them. */
const checked = (input: string, rules: Rule[], columns: Column[]) => checkedRowsSql(input, `(${validationSql(input, rules, columns)})`, checkFlags(rules));

let db: Awaited<ReturnType<typeof freshDuckDb>>;

async function failures(rules: Rule[]): Promise<Record<string, unknown>[]> {
  return db.rows(`SELECT id, _stages_line AS line, _stages_rejected AS rejected, list_transform(_stages_errors, e -> e.rule) AS rules
    FROM (${checked("t", rules, COLUMNS)}) ORDER BY _stages_row`);
}

const failingIds = async (r: Rule) =>
  (await failures([r])).filter((row) => (row.rules as string[]).length > 0).map((row) => row.id);

beforeEach(async () => {
  db = await freshDuckDb();
  await db.run(`CREATE TABLE t (id BIGINT, email VARCHAR, amount VARCHAR, status VARCHAR)`);
  await db.run(`INSERT INTO t VALUES ${ROWS}`);
});

describe("validationSql", () => {
  it("numbers rows and source lines, counting the header and newlines inside fields", async () => {
    expect((await failures([])).map((r) => r.line)).toEqual([2, 3, 4, 6, 7]);
  });

  it("required: NULL and blank text fail", async () => {
    expect(await failingIds(rule({ kind: "required", column: "email" }))).toEqual([2, 3]);
  });

  it("required on numbers and dates: only NULL fails, and their values are not cast to text to find out", async () => {
    await db.run(`CREATE TABLE n AS SELECT * FROM (VALUES (1, 0, DATE '2024-01-01'), (2, NULL, NULL), (3, -4, DATE '1970-01-01')) v(id, qty, day)`);
    const columns: Column[] = [
      { name: "id", type: "INTEGER" },
      { name: "qty", type: "INTEGER" },
      { name: "day", type: "DATE" },
    ];
    for (const column of ["qty", "day"]) {
      const rows = await db.rows(`SELECT id FROM (${checked("n", [rule({ kind: "required", column })], columns)}) WHERE _stages_rejected ORDER BY id`);
      expect(rows.map((r) => r.id)).toEqual([2]);
      expect(passesSql(rule({ kind: "required", column }) as RowRule, columns)).not.toContain("CAST");
    }
    expect(passesSql(rule({ kind: "required", column: "email" }) as RowRule, COLUMNS)).toContain("trim(CAST(");
  });

  it("unique: every copy of a repeated value fails, NULLs do not", async () => {
    expect(await failingIds(rule({ kind: "unique", column: "id" }))).toEqual([3, 3]);
  });

  it("two uniqueness rules at once, beside the line numbers: each flags its own repeats, and only the line numbers use a window", async () => {
    const rules = [rule({ kind: "unique", column: "id" }, "u-id"), rule({ kind: "uniqueKey", columns: ["status"] }, "u-status")];
    const rows = await failures(rules);
    expect(rows.map((r) => [r.id, r.line, r.rules])).toEqual([
      [1, 2, ["u-status"]],
      [2, 3, []],
      [3, 4, ["u-id", "u-status"]],
      [3, 6, ["u-id"]],
      [5, 7, []],
    ]);
    // Each window holds its whole input in memory: two of them over 23 M rows ran DuckDB-WASM out of memory.
    expect(validationSql("t", rules, COLUMNS).match(/\bOVER\b/g)).toHaveLength(1);
  });

  it("type: integers are whole numbers only (1.5 is not silently rounded)", async () => {
    expect(await failingIds(rule({ kind: "type", column: "amount", type: "integer" }))).toEqual([2, 3]);
    expect(await failingIds(rule({ kind: "type", column: "amount", type: "decimal" }))).toEqual([3]);
  });

  it("type: a number with a decimal comma (12,50) where the file writes them so", async () => {
    await db.run(`CREATE OR REPLACE TABLE t AS SELECT * FROM (VALUES (1, '12,50'), (2, '7'), (3, 'abc'), (4, '1.5'), (5, NULL), (6, '1.234,56'), (7, '-1.234.567')) v(id, email)`);
    const r = rule({ kind: "type", column: "email", type: "decimal", decimalChar: "," });
    const rows = await db.rows(`SELECT id FROM (${checked("t", [r], [{ name: "id", type: "BIGINT" }, { name: "email", type: "VARCHAR" }])}) WHERE _stages_rejected ORDER BY id`);
    expect(rows.map((x) => x.id)).toEqual([3, 4]);
    expect(ruleMessage(r)).toBe('"email" must be a number with a decimal comma');
  });

  it("range: on text of decimal commas, read with the comma where a type rule says the column is written so", async () => {
    await db.run(`CREATE OR REPLACE TABLE t AS SELECT * FROM (VALUES (1, '12,50'), (2, '7,00'), (3, '1.234,56'), (4, '250,00'), (5, NULL)) v(id, email)`);
    const columns = [{ name: "id", type: "BIGINT" }, { name: "email", type: "VARCHAR" }];
    const range = rule({ kind: "range", column: "email", min: "5", max: "200" });
    const rejected = async (rules: Rule[]) => (await db.rows(`SELECT id FROM (${checked("t", rules, columns)}) WHERE _stages_rejected ORDER BY id`)).map((x) => x.id);
    // Without the type rule, "12,50" is no number to compare.
    expect(await rejected([range])).toEqual([1, 2, 3, 4]);
    expect(await rejected([range, rule({ kind: "type", column: "email", type: "decimal", decimalChar: "," }, "t")])).toEqual([3, 4]);
  });

  it("type: dates with a format", async () => {
    await db.run(`CREATE OR REPLACE TABLE t AS SELECT * FROM (VALUES (1, '31/12/2024'), (2, '2024-12-31'), (3, NULL)) v(id, email)`);
    const r = rule({ kind: "type", column: "email", type: "date", format: "%d/%m/%Y" });
    const rows = await db.rows(`SELECT id FROM (${checked("t", [r], [{ name: "id", type: "BIGINT" }, { name: "email", type: "VARCHAR" }])}) WHERE _stages_rejected`);
    expect(rows.map((x) => x.id)).toEqual([2]);
    const either = rule({ kind: "type", column: "email", type: "date", format: ["%d/%m/%Y", "%Y-%m-%d"] });
    await db.run(`INSERT INTO t VALUES (4, '2024-31-12')`);
    const some = await db.rows(`SELECT id FROM (${checked("t", [either], [{ name: "id", type: "BIGINT" }, { name: "email", type: "VARCHAR" }])}) WHERE _stages_rejected`);
    expect(some.map((x) => x.id)).toEqual([4]);
    expect(ruleMessage(either)).toBe('"email" must be a date (format %d/%m/%Y or %Y-%m-%d)');
  });

  it("range: numeric bounds on a text column compare as numbers; non-numbers fail", async () => {
    expect(await failingIds(rule({ kind: "range", column: "amount", min: "0", max: "15" }))).toEqual([3, 3, 5]);
  });

  it("length, pattern and one-of", async () => {
    expect(await failingIds(rule({ kind: "length", column: "status", min: 4, max: 5 }))).toEqual([2]);
    expect(await failingIds(rule({ kind: "pattern", column: "email", pattern: "^[^@\\s]+@[^@\\s]+\\.[a-z]+$" }))).toEqual([3, 3, 5]);
    expect(await failingIds(rule({ kind: "oneOf", column: "status", values: ["open", "closed"] }))).toEqual([3]);
  });

  it("custom expressions fail only when false; multi-column keys", async () => {
    expect(await failingIds(rule({ kind: "expression", sql: "id < 3 OR status = 'open'" }))).toEqual([3]);
    expect(await failingIds(rule({ kind: "uniqueKey", columns: ["id", "status"] }))).toEqual([]);
    expect(await failingIds(rule({ kind: "uniqueKey", columns: ["id"] }))).toEqual([3, 3]);
  });

  it("checks all rules in one pass; warnings do not reject", async () => {
    const rows = await failures([
      rule({ kind: "required", column: "email" }, "email-required"),
      { ...rule({ kind: "oneOf", column: "status", values: ["open", "closed"] }, "status-known"), severity: "warn" } as Rule,
    ]);
    expect(rows.map((r) => [r.id, r.rejected, r.rules])).toEqual([
      [1, false, []],
      [2, true, ["email-required"]],
      [3, false, []],
      [3, true, ["email-required", "status-known"]],
      [5, false, []],
    ]);
  });

  it("skips disabled rules", async () => {
    expect(await failingIds({ ...rule({ kind: "required", column: "email" }), enabled: false } as Rule)).toEqual([]);
  });
});

describe("rule checks and messages", () => {
  it("refuses rules on columns the data lacks", () => {
    expect(checkRule(rule({ kind: "required", column: "nope" }), COLUMNS)).toMatch(/"nope"/);
    expect(checkRule(rule({ kind: "range", column: "amount" }), COLUMNS)).toMatch(/minimum/);
    expect(checkRule(rule({ kind: "required", column: "id" }), COLUMNS)).toBeNull();
  });

  it("says what a rule wants in plain words", () => {
    expect(ruleMessage(rule({ kind: "range", column: "amount", min: "0" }))).toBe('"amount" must be at least 0');
    expect(ruleMessage(rule({ kind: "type", column: "d", type: "date", format: "%Y" }))).toBe('"d" must be a date (format %Y)');
  });

  it("reports missing and unexpected columns at table level", () => {
    const findings = columnFindings([rule({ kind: "columns", expected: ["id", "email", "phone"], allowExtra: false })], COLUMNS);
    expect(findings.map((f) => f.message)).toEqual(['Columns: missing "phone"; unexpected "amount", "status".']);
  });
});

describe("reservedColumnsProblem", () => {
  it("names the file's columns that a run's own columns would be taken for, and passes every other name", () => {
    const cols = (...names: string[]) => names.map((name) => ({ name, type: "VARCHAR" }));
    expect(reservedColumnsProblem(cols("id", "_errors", "_line", "stages_row", "_stage"))).toBeNull();
    expect(reservedColumnsProblem(cols("_stages_row"))).toMatch(/^Column “_stages_row” is named like the columns a run adds .* Rename it in the file/);
    expect(reservedColumnsProblem(cols("x", "_STAGES_rejected", "_stages_line"))).toMatch(/^Columns “_STAGES_rejected”, “_stages_line” are named like/);
  });
});
