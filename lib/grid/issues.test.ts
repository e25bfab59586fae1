import { describe, expect, it } from "vitest";
import { freshDuckDb } from "@/test/duckdb-node";
import { checkFlags, validationSql } from "@/lib/recipe/checks";
import type { Rule } from "@/lib/recipe/schema";
import { issuesOfCell, onlyRowsSql, pageIssuesSql, parseIssues, rejectedIssuesSql, viewIssuesSql } from "./issues";
import { viewSql } from "./view";

const columns = [
  { name: "id", type: "BIGINT" },
  { name: "email", type: "VARCHAR" },
  { name: "status", type: "VARCHAR" },
];
const rules: Rule[] = [
  { id: "r1", kind: "required", column: "email", severity: "reject", enabled: true },
  { id: "r2", kind: "oneOf", column: "status", values: ["open", "closed"], severity: "warn", enabled: true },
  { id: "r3", kind: "expression", sql: "id <> 4", severity: "reject", enabled: true },
];

const checks = { table: "checks", flags: checkFlags(rules) };

/** Five staged rows: 1 passes, 2 lacks an email, 3 has an unknown status (a warning), 4 breaks the row rule and the email rule. */
async function checked() {
  const db = await freshDuckDb();
  await db.run("CREATE TABLE staged (id BIGINT, email VARCHAR, status VARCHAR)");
  await db.run("INSERT INTO staged VALUES (1, 'a@x', 'open'), (2, NULL, 'open'), (3, 'c@x', 'lost'), (4, '', 'closed'), (5, 'e@x', 'closed')");
  await db.run(`CREATE TABLE checks AS ${validationSql('"staged"', rules, columns)}`);
  return db;
}

describe("parseIssues", () => {
  it("reads back each rule a row breaks, with its column (none for a rule on the whole row)", async () => {
    const db = await checked();
    const texts = (await db.rows(pageIssuesSql(checks, 0, 10))).map((r) => r.issues as string | null);
    expect(texts).toHaveLength(5);
    expect(parseIssues(texts[0])).toEqual([]);
    expect(parseIssues(texts[1])).toEqual([{ column: "email", severity: "reject", message: '"email" is required' }]);
    expect(parseIssues(texts[2])).toEqual([{ column: "status", severity: "warn", message: '"status" must be one of: open, closed' }]);
    const row4 = parseIssues(texts[3]);
    expect(row4.map((i) => i.column)).toEqual(["email", null]);
    expect(issuesOfCell(row4, "id").map((i) => i.column)).toEqual([null]);
    expect(issuesOfCell(row4, "email")).toHaveLength(2);
    expect(parseIssues(texts[4])).toEqual([]);
  });

  it("pages the issues in the staged table's order, from any offset", async () => {
    const db = await checked();
    const texts = (await db.rows(pageIssuesSql(checks, 1, 2))).map((r) => parseIssues(r.issues as string | null).map((i) => i.column));
    expect(texts).toEqual([["email"], ["status"]]);
  });
});

describe("rejectedIssuesSql", () => {
  it("finds each rejected row's issues and staged row id through its source line", async () => {
    const db = await checked();
    await db.run(`CREATE TABLE rejected AS SELECT c._stages_line AS _line, s.* FROM staged AS s POSITIONAL JOIN checks AS c WHERE c._stages_rejected ORDER BY _line`);
    const rows = await db.rows(rejectedIssuesSql("rejected", checks, 0, 10));
    expect(rows.map((r) => r.row_id)).toEqual(["1", "3"]);
    expect(rows.map((r) => parseIssues(r.issues as string).map((i) => i.column))).toEqual([["email"], ["email", null]]);
  });
});

describe("only the rows with problems", () => {
  it("keeps the rows a rule rejects, or those with warnings alone, and finds their issues through the staged row id", async () => {
    const db = await checked();
    for (const [only, ids] of [
      ["errors", [2, 4]],
      ["warnings", [3]],
    ] as const) {
      const compiled = viewSql("staged", columns, { conditions: [], only }, { checks, rowIds: true });
      if ("error" in compiled) throw new Error(compiled.error);
      await db.run(`CREATE OR REPLACE TABLE v AS ${compiled.sql}`);
      expect((await db.rows("SELECT id FROM v ORDER BY rowid")).map((r) => r.id)).toEqual(ids);
      const issues = await db.rows(viewIssuesSql("v", checks, 0, 10));
      expect(issues.map((r) => parseIssues(r.issues as string | null).length > 0)).toEqual(ids.map(() => true));
    }
    expect(onlyRowsSql("errors", checks)).toContain('"checks"');
  });

  it("asks for a run before it can keep only the rows with problems", () => {
    expect(viewSql("staged", columns, { conditions: [], only: "errors" })).toEqual({ error: "Run the recipe first: its checks tell which rows have errors." });
  });

  it("keeps sorting with the problems: a sorted view carries the staged row id", async () => {
    const db = await checked();
    const compiled = viewSql("staged", columns, { conditions: [], sort: { column: "id", descending: true }, only: "errors" }, { checks, rowIds: true });
    if ("error" in compiled) throw new Error(compiled.error);
    await db.run(`CREATE TABLE v AS ${compiled.sql}`);
    expect(await db.rows("SELECT id, _stages_src FROM v ORDER BY rowid")).toEqual([
      { id: 4, _stages_src: 3 },
      { id: 2, _stages_src: 1 },
    ]);
  });
});
