import { beforeEach, describe, expect, it } from "vitest";
import { freshDuckDb } from "@/test/duckdb-node";
import { validationSql } from "./checks";
import type { CellEdit } from "./edits";
import { compilePipeline, pipelineNames } from "./pipeline";
import { recheckSql } from "./recheck";
import { referencedFiles, referenceProblem, type ReferenceRule, type References } from "./references";
import { ruleMessage } from "./rules";
import { emptyRecipe, type Rule } from "./schema";

const ORDERS = [
  { name: "order_id", type: "BIGINT" },
  { name: "customer_id", type: "BIGINT" },
  { name: "country", type: "VARCHAR" },
];
const rule = (r: Record<string, unknown>): Rule => ({ severity: "reject", enabled: true, kind: "reference", ...r }) as Rule;
// orders.customer_id → customers.customer_id (same name, same type); orders.country (text) → countries.code (an integer code, read as text).
const CUSTOMER = rule({ id: "customer", column: "customer_id", file: "customers", field: "customer_id" });
const COUNTRY = rule({ id: "country", column: "country", file: "countries", field: "code" });
const REFERENCES: References = new Map([
  ["customers", { table: '"staged_c"', columns: [{ name: "customer_id", type: "BIGINT" }, { name: "name", type: "VARCHAR" }] }],
  ["countries", { table: '"staged_k"', columns: [{ name: "code", type: "INTEGER" }] }],
]);

let db: Awaited<ReturnType<typeof freshDuckDb>>;

beforeEach(async () => {
  db = await freshDuckDb();
  await db.run(`CREATE TABLE staged_c AS SELECT * FROM (VALUES (10, 'Ada'), (11, 'Bo'), (NULL, 'nobody')) v(customer_id, name)`);
  await db.run(`CREATE TABLE staged_k AS SELECT * FROM (VALUES (31::INTEGER), (44::INTEGER)) v(code)`);
  await db.run(`CREATE TABLE orders AS SELECT * FROM (VALUES
    (1, 10, '31'), (2, 12, '44'), (3, NULL, '99'), (4, 11, NULL), (5, 13, 'x')) v(order_id, customer_id, country)`);
});

const flags = async (sql: string) => (await db.rows(`SELECT * FROM (${sql}) ORDER BY _stages_row`)).map((r) => [r._stages_fail_0, r._stages_fail_1]);

describe("reference rules (foreign keys)", () => {
  it("flag each value not found in the other file's column; an empty value passes, and NULLs over there match nothing", async () => {
    const sql = validationSql("orders", [CUSTOMER, COUNTRY], ORDERS, { references: REFERENCES });
    expect(await flags(sql)).toEqual([
      [false, false],
      [true, false],
      [false, true],
      [false, false],
      [true, true],
    ]);
    // The two rules read one column each of their files, and nothing else.
    expect(sql).toContain(`"customer_id" IN (SELECT "customer_id" FROM "staged_c")`);
    expect(sql).toContain(`CAST("country" AS VARCHAR) IN (SELECT CAST("code" AS VARCHAR) FROM "staged_k")`);
  });

  it("look a key over several columns up as one, each pair compared by its own types; a key with an empty part passes", async () => {
    // (customer_id, country) among the customers' (customer_id, name) pairs: only order 1's pair (10, 'Ada') is there.
    await db.run(`UPDATE orders SET country = 'Ada' WHERE order_id = 1`);
    const key = rule({ id: "pair", column: "customer_id", file: "customers", field: "customer_id", moreKeys: [{ column: "country", field: "name" }] });
    const sql = validationSql("orders", [key], ORDERS, { references: REFERENCES });
    expect((await db.rows(`SELECT _stages_fail_0 AS f FROM (${sql}) ORDER BY _stages_row`)).map((r) => r.f)).toEqual([false, true, false, false, true]);
    expect(sql).toContain(`("customer_id", "country") IN (SELECT "customer_id", "name" FROM "staged_c")`);
    expect(ruleMessage(key)).toBe(`("customer_id", "country") must be one of the ("customer_id", "name") values of customers`);
    expect(referenceProblem({ ...(key as ReferenceRule), moreKeys: [{ column: "country", field: "city" }] }, REFERENCES)).toMatch(/no column "city"/);
  });

  it("look a key up in the file itself (Table Schema's empty resource), with the edits in force; an edit there checks every row again", async () => {
    // boss → order_id of the same file: orders 1 and 2 have no boss; 3's boss is 1, 4's is 9 (none), 5's is 2.
    const columns = [...ORDERS, { name: "boss", type: "BIGINT" }];
    await db.run(`CREATE TABLE staff AS SELECT order_id, customer_id, country, [NULL, NULL, 1, 9, 2][order_id] AS boss FROM orders`);
    const boss = rule({ id: "boss", column: "boss", file: "", field: "order_id" });
    const recipe = { ...emptyRecipe(), rules: [boss] };
    const flagsOf = async (sql: string) => (await db.rows(`SELECT _stages_fail_0 AS f FROM (${sql}) ORDER BY _stages_row`)).map((r) => r.f);
    const checksOf = (edits: CellEdit[], since?: CellEdit[]) => {
      const compiled = compilePipeline("staff", columns, { ...recipe, edits }, pipelineNames("p"), since ? { editedSince: since, rejectedKept: true } : {});
      if (!compiled.ok) throw new Error(compiled.problem.reason);
      return compiled.statements[0]!;
    };
    expect(await flagsOf(checksOf([]).select)).toEqual([false, false, false, true, false]);
    expect(ruleMessage(boss)).toBe(`"boss" must be one of the "order_id" values of this file`);
    // Order 4's id edited to 9: order 4's boss is found now, as order 5's still is; every row is checked, not only row 4.
    const edits: CellEdit[] = [{ row: 4, column: "order_id", from: "4", to: "9", at: "2026-12-01T00:00:00Z" }];
    const again = checksOf(edits, []);
    expect(again.sql).toBeUndefined();
    expect(await flagsOf(again.select)).toEqual([false, false, false, false, false]);
    // An edit elsewhere keeps the checks, rechecking the edited row only.
    expect(checksOf([{ ...edits[0]!, column: "country", from: "44", to: "45" }], []).target).toBe("p_patch");
  });

  it("are checked again on edited rows like any rule", async () => {
    const edits: CellEdit[] = [{ row: 2, column: "customer_id", from: "12", to: "11", at: "2026-12-01T00:00:00Z" }];
    await db.run(`CREATE TABLE checks AS ${validationSql("orders", [CUSTOMER], ORDERS, { references: REFERENCES })}`);
    const recheck = recheckSql("checks", "orders", [CUSTOMER], ORDERS, [], edits, REFERENCES)!;
    await db.run(`CREATE TABLE patch AS ${recheck.patch}`);
    await db.run(recheck.update("patch"));
    const fresh = await db.rows(`SELECT * FROM (${validationSql("orders", [CUSTOMER], ORDERS, { references: REFERENCES, edits })}) ORDER BY _stages_row`);
    expect(await db.rows("SELECT * FROM checks ORDER BY _stages_row")).toEqual(fresh);
    expect(fresh.map((r) => r._stages_fail_0)).toEqual([false, false, false, false, true]);
  });

  it("say which files they read, and why they cannot run", () => {
    expect(referencedFiles([CUSTOMER, COUNTRY, { ...CUSTOMER, id: "again" }, { ...(COUNTRY as ReferenceRule), file: "off", enabled: false }])).toEqual(["customers", "countries"]);
    expect(referenceProblem(CUSTOMER as ReferenceRule, new Map())).toMatch(/no other staged file has that SQL name/);
    expect(referenceProblem({ ...(CUSTOMER as ReferenceRule), field: "id" }, REFERENCES)).toMatch(/has no column "id"/);
    expect(ruleMessage(CUSTOMER)).toBe(`"customer_id" must be one of the "customer_id" values of customers`);
  });

  it("stop a pipeline at the rule when the file is not staged", () => {
    const recipe = { ...emptyRecipe(), rules: [COUNTRY] };
    expect(compilePipeline("orders", ORDERS, recipe, pipelineNames("p"))).toMatchObject({ ok: false, problem: { where: "rule", index: 0 } });
    expect(compilePipeline("orders", ORDERS, recipe, pipelineNames("p"), { references: REFERENCES })).toMatchObject({ ok: true });
  });
});
