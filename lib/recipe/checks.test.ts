import { beforeEach, describe, expect, it } from "vitest";
import { freshDuckDb } from "@/test/duckdb-node";
import { balancedSum, checkFlags, errorsSql, failedTextSql, groupingPartitions, multilineSql, ROWS_PER_GROUPING, ruleCountsSql, validationSql } from "./checks";
import type { Rule } from "./schema";

const COLUMNS = [
  { name: "id", type: "BIGINT" },
  { name: "email", type: "VARCHAR" },
  { name: "team", type: "VARCHAR" },
];
const rule = (r: Record<string, unknown>): Rule => ({ severity: "reject", enabled: true, ...r }) as Rule;
const RULES: Rule[] = [
  rule({ id: "id-unique", kind: "unique", column: "id" }),
  rule({ id: "email-required", kind: "required", column: "email" }),
  rule({ id: "pair", kind: "uniqueKey", columns: ["team", "email"], severity: "warn" }),
  rule({ id: "off", kind: "required", column: "team", enabled: false }),
];

let db: Awaited<ReturnType<typeof freshDuckDb>>;

beforeEach(async () => {
  db = await freshDuckDb();
  await db.run(`CREATE TABLE staged AS SELECT * FROM (VALUES
    (1, 'a@x', 't'), (2, NULL, 't'), (1, 'b@x', NULL), (4, 'b@x', NULL), (5, 'a@x', 't'), (6, '', 'u')) v(id, email, team)`);
});

describe("validationSql", () => {
  it("writes one flag per enabled rule and whether a rejecting rule failed, in the staged order", async () => {
    await db.run(`CREATE TABLE checks AS ${validationSql('"staged"', RULES, COLUMNS)}`);
    const rows = await db.rows("SELECT * FROM checks ORDER BY rowid");
    expect(Object.keys(rows[0]!)).toEqual(["_stages_row", "_stages_line", "_stages_fail_0", "_stages_fail_1", "_stages_fail_2", "_stages_rejected"]);
    expect(rows.map((r) => [r._stages_row, r._stages_fail_0, r._stages_fail_1, r._stages_fail_2, r._stages_rejected])).toEqual([
      [1, true, false, true, true],
      [2, false, true, false, true],
      [3, true, false, true, true],
      [4, false, false, true, false],
      [5, false, false, true, false],
      [6, false, true, false, true],
    ]);
  });

  it("without values spanning lines, numbers lines without a window and flags the same rows", async () => {
    const plain = validationSql('"staged"', RULES, COLUMNS, { multiline: false, headerLines: 2 });
    expect(plain).not.toMatch(/\bOVER\b|POSITIONAL/);
    const spanning = await db.rows(`SELECT * FROM (${validationSql('"staged"', RULES, COLUMNS, { headerLines: 2 })})`);
    expect(await db.rows(`SELECT * FROM (${plain})`)).toEqual(spanning);
    expect(spanning.map((r) => r._stages_line)).toEqual([3, 4, 5, 6, 7, 8]);
  });

  it("numbers lines past values that span them, streamed in input order, as read (an edit adding a newline moves no line)", async () => {
    await db.run(`UPDATE staged SET team = 'two' || chr(10) || 'more' || chr(10) || 'lines' WHERE id = 2`);
    const sql = validationSql('"staged"', RULES, COLUMNS);
    expect(sql).not.toMatch(/ORDER BY|POSITIONAL/);
    const lines = async (text: string) => (await db.rows(`SELECT _stages_line FROM (${text}) ORDER BY _stages_row`)).map((r) => r._stages_line);
    expect(await lines(sql)).toEqual([2, 3, 6, 7, 8, 9]);
    const edits = [{ row: 1, column: "team", from: "t", to: "a" + "\n" + "b", at: "2026-12-01T10:00:00Z" }];
    expect(await lines(validationSql('"staged"', RULES, COLUMNS, { edits }))).toEqual([2, 3, 6, 7, 8, 9]);
    // In input order as stored, whatever DuckDB's threads: the table written is the rows' order.
    await db.run(`CREATE TABLE checks AS ${sql}`);
    expect((await db.rows("SELECT _stages_row FROM checks ORDER BY rowid")).map((r) => r._stages_row)).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it("takes each row's line from a table of them, in the rows' order, when one is given", async () => {
    await db.run("CREATE TABLE staged_lines AS SELECT * FROM (VALUES (4), (6), (9), (10), (12), (13)) v(line)");
    const sql = validationSql('"staged"', RULES, COLUMNS, { lineTable: "staged_lines", headerLines: 3 });
    await db.run(`CREATE TABLE checks AS ${sql}`);
    expect((await db.rows("SELECT _stages_row, _stages_line, _stages_fail_1 FROM checks ORDER BY rowid")).map((r) => [r._stages_row, r._stages_line, r._stages_fail_1])).toEqual([
      [1, 4, false],
      [2, 6, true],
      [3, 9, false],
      [4, 10, false],
      [5, 12, false],
      [6, 13, true],
    ]);
  });

  it("groups a uniqueness rule's keys in partitions above ROWS_PER_GROUPING rows, and flags the same rows", async () => {
    const big = validationSql('"staged"', RULES, COLUMNS, { rows: 3 * ROWS_PER_GROUPING - 1 });
    expect(big.match(/UNION ALL/g)).toHaveLength(2 * 2);
    expect(big).toContain("hash(");
    expect(validationSql('"staged"', RULES, COLUMNS, { rows: ROWS_PER_GROUPING })).not.toContain("UNION ALL");
    expect(groupingPartitions(0)).toBe(1);
    expect(groupingPartitions(ROWS_PER_GROUPING + 1)).toBe(2);
    for (const multiline of [true, false]) {
      const one = await db.rows(`SELECT * FROM (${validationSql('"staged"', RULES, COLUMNS, { multiline })}) ORDER BY _stages_row`);
      expect(await db.rows(`SELECT * FROM (${validationSql('"staged"', RULES, COLUMNS, { multiline, rows: 3 * ROWS_PER_GROUPING })}) ORDER BY _stages_row`)).toEqual(one);
      const parts = validationSql('"staged"', RULES, COLUMNS, { multiline, rows: 7 * ROWS_PER_GROUPING });
      expect(await db.rows(`SELECT * FROM (${parts}) ORDER BY _stages_row`)).toEqual(one);
    }
    // Edits in force are what the keys are hashed and grouped by: row 4's id edited to 5 makes it repeat row 5's.
    const edits = [{ row: 4, column: "id", from: "4", to: "5", at: "2026-12-01T10:00:00Z" }];
    const edited = await db.rows(`SELECT * FROM (${validationSql('"staged"', RULES, COLUMNS, { edits })}) ORDER BY _stages_row`);
    expect(edited.map((r) => r._stages_fail_0)).toEqual([true, false, true, true, true, false]);
    expect(await db.rows(`SELECT * FROM (${validationSql('"staged"', RULES, COLUMNS, { edits, rows: 5 * ROWS_PER_GROUPING })}) ORDER BY _stages_row`)).toEqual(edited);
  });
});

describe("multilineSql", () => {
  it("says whether a text value holds a newline", async () => {
    const multiline = async () => (await db.rows(multilineSql('"staged"', COLUMNS)))[0]!.multiline;
    expect(await multiline()).toBe(false);
    await db.run(`UPDATE staged SET team = 'x' || chr(10) || 'y' WHERE id = 6`);
    expect(await multiline()).toBe(true);
    expect((await db.rows(multilineSql('"staged"', [{ name: "id", type: "BIGINT" }])))[0]!.multiline).toBe(false);
  });

  it("counts lines in text values only, not in lists of text (a JSON file's tags failed every run)", async () => {
    await db.run(`CREATE TABLE tagged AS SELECT * FROM (VALUES (1, ['a', 'b'], 'x' || chr(10) || 'y'), (2, [], 'z')) v(id, tags, note)`);
    const columns = [{ name: "id", type: "BIGINT" }, { name: "tags", type: "VARCHAR[]" }, { name: "note", type: "VARCHAR" }];
    expect((await db.rows(multilineSql('"tagged"', columns)))[0]!.multiline).toBe(true);
    const rows = await db.rows(`SELECT _stages_line FROM (${validationSql('"tagged"', [], columns, { multiline: true })}) ORDER BY _stages_row`);
    expect(rows.map((r) => r._stages_line)).toEqual([2, 4]);
  });
});

describe("reading the flags", () => {
  it("builds each row's errors, texts and rule counts from its flags", async () => {
    await db.run(`CREATE TABLE checks AS ${validationSql('"staged"', RULES, COLUMNS)}`);
    const flags = checkFlags(RULES);
    const errors = await db.rows(`SELECT list_transform(${errorsSql(flags, "c", "s")}, e -> e.rule || '=' || coalesce(e.value, '∅')) AS e FROM staged AS s POSITIONAL JOIN checks AS c`);
    expect(errors.map((r) => r.e)).toEqual([["id-unique=1", "pair=∅"], ["email-required=∅"], ["id-unique=1", "pair=∅"], ["pair=∅"], ["pair=∅"], ["email-required="]]);
    const texts = await db.rows(`SELECT ${failedTextSql(flags, "", (r) => `'${r.id}'`, "'+'")} AS t FROM checks ORDER BY rowid`);
    expect(texts.map((r) => r.t)).toEqual(["id-unique+pair", "email-required", "id-unique+pair", "pair", "pair", "email-required"]);
    expect(await db.rows(ruleCountsSql("checks", flags))).toEqual([
      { rule: "pair", severity: "warn", n: 4 },
      { rule: "email-required", severity: "reject", n: 2 },
      { rule: "id-unique", severity: "reject", n: 2 },
    ]);
    expect(await db.rows(ruleCountsSql("checks", []))).toEqual([]);
  });
});

// A file of 1,500 columns took 6 s to check before its first run: each view over the checks bound a sum of a
// term per text column, as deep as the terms were many.
describe("balancedSum", () => {
  it("adds the terms as a balanced tree, each once, in their order", async () => {
    expect(balancedSum(["a"])).toBe("a");
    expect(balancedSum(["a", "b"])).toBe("a + b");
    expect(balancedSum(["a", "b", "c", "d", "e"])).toBe("(a + b) + ((c) + (d + e))");
    const db = await freshDuckDb();
    const terms = Array.from({ length: 1000 }, (_, i) => String(i));
    expect(await db.rows(`SELECT (${balancedSum(terms)})::BIGINT AS n`)).toEqual([{ n: 499_500 }]);
  });
});
