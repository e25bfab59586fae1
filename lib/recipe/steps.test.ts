import { beforeAll, describe, expect, it } from "vitest";
import { freshDuckDb } from "@/test/duckdb-node";
import type { Step, StepBody } from "./schema";
import { compileSteps, describeStep } from "./steps";

let db: Awaited<ReturnType<typeof freshDuckDb>>;
const COLUMNS = ["id", "name", "amt", "tags"];

beforeAll(async () => {
  db = await freshDuckDb();
  await db.run(`CREATE TABLE t AS SELECT * FROM (VALUES
    (1, '  Ada ', '10', 'a;b'), (2, 'bob', NULL, 'c;d'), (3, 'Bob', '-5', 'e'), (4, 'bob', NULL, 'c;d')) v(id, name, amt, tags)`);
});

const on = (s: StepBody & { enabled?: boolean }): Step => ({ enabled: true, ...s });

async function run(steps: Step[]): Promise<{ columns: string[]; rows: Record<string, unknown>[] }> {
  const compiled = compileSteps("t", steps, COLUMNS);
  if (!compiled.ok) throw new Error(compiled.reason);
  return { columns: compiled.columns, rows: await db.rows(`${compiled.sql} ORDER BY ALL`) };
}

/** The tags column of `source` (a query of t's columns) after one step, as text, in id order. */
async function castTags(source: string, step: Step): Promise<unknown[]> {
  const compiled = compileSteps(source, [step], COLUMNS);
  if (!compiled.ok) throw new Error(compiled.reason);
  return (await db.rows(`SELECT CAST(tags AS VARCHAR) AS tags FROM (${compiled.sql}) ORDER BY id`)).map((r) => r.tags);
}

describe("compileSteps", () => {
  it("selects, reorders and renames columns", async () => {
    const out = await run([on({ kind: "select", columns: ["name", "id"] }), on({ kind: "rename", from: "name", to: "who" })]);
    expect(out.columns).toEqual(["who", "id"]);
    expect(out.rows[0]).toEqual({ who: "  Ada ", id: 1 });
  });

  it("trims, changes case, fills nulls and replaces text", async () => {
    const out = await run([
      on({ kind: "trim", column: "name" }),
      on({ kind: "case", column: "name", to: "lower" }),
      on({ kind: "fillNull", column: "amt", value: "0" }),
      on({ kind: "replace", column: "tags", find: ";", replace: "|" }),
    ]);
    expect(out.rows.map((r) => [r.name, r.amt, r.tags])).toEqual([
      ["ada", "10", "a|b"],
      ["bob", "0", "c|d"],
      ["bob", "-5", "e"],
      ["bob", "0", "c|d"],
    ]);
  });

  it("casts, filters and derives", async () => {
    const out = await run([
      on({ kind: "cast", column: "amt", type: "INTEGER" }),
      on({ kind: "filter", where: "amt IS NOT NULL" }),
      on({ kind: "derive", name: "double_amt", expression: "amt * 2" }),
    ]);
    expect(out.rows.map((r) => [r.id, r.amt, r.double_amt])).toEqual([
      [1, 10, 20],
      [3, -5, -10],
    ]);
  });

  it("casts a text of decimal commas to a number, its comma read as the point", async () => {
    const step = on({ kind: "cast", column: "tags", type: "DOUBLE", decimalChar: "," });
    const compiled = compileSteps("(SELECT id, name, amt, CASE WHEN id < 3 THEN '12,50' ELSE '-1.234,5' END AS tags FROM t)", [step], COLUMNS);
    if (!compiled.ok) throw new Error(compiled.reason);
    expect((await db.rows(`${compiled.sql} ORDER BY id`)).map((r) => r.tags)).toEqual([12.5, 12.5, -1234.5, -1234.5]);
    expect(describeStep(step)).toBe("Change tags to DOUBLE (its decimal comma read as the point)");
  });

  it("casts dates written in a format of their own (31.12.2026) by that format, to a date or a timestamp", async () => {
    const written = "(SELECT id, name, amt, CASE WHEN id < 3 THEN '03.01.2026' ELSE '31.12.2025' END AS tags FROM t)";
    const rows = (step: Step) => castTags(written, step);
    const date = on({ kind: "cast", column: "tags", type: "DATE", format: "%d.%m.%Y" });
    expect(await rows(date)).toEqual(["2026-01-03", "2026-01-03", "2025-12-31", "2025-12-31"]);
    expect(await rows(on({ kind: "cast", column: "tags", type: "TIMESTAMP", format: "%d.%m.%Y" }))).toEqual(["2026-01-03 00:00:00", "2026-01-03 00:00:00", "2025-12-31 00:00:00", "2025-12-31 00:00:00"]);
    expect(describeStep(date)).toBe("Change tags to DATE (written as %d.%m.%Y)");
  });

  it("casts dates written more than one way by each way in turn", async () => {
    const written = "(SELECT id, name, amt, CASE WHEN id < 3 THEN '2026-01-03' ELSE '31/12/2025' END AS tags FROM t)";
    const step = on({ kind: "cast", column: "tags", type: "DATE", format: ["%Y-%m-%d", "%d/%m/%Y"] });
    expect(await castTags(written, step)).toEqual(["2026-01-03", "2026-01-03", "2025-12-31", "2025-12-31"]);
    expect(describeStep(step)).toBe("Change tags to DATE (written as %Y-%m-%d or %d/%m/%Y)");
  });

  it("casts Excel's serial day numbers to the dates they count, with their fraction the time of day", async () => {
    const serial = "(SELECT id, name, amt, CASE WHEN id < 3 THEN 45292 ELSE 45657.75 END AS tags FROM t)";
    const rows = (step: Step) => castTags(serial, step);
    const date = on({ kind: "cast", column: "tags", type: "DATE", from: "excelSerial" });
    expect(await rows(date)).toEqual(["2024-01-01", "2024-01-01", "2024-12-31", "2024-12-31"]);
    expect(await rows(on({ kind: "cast", column: "tags", type: "TIMESTAMP", from: "excelSerial" }))).toEqual(["2024-01-01 00:00:00", "2024-01-01 00:00:00", "2024-12-31 18:00:00", "2024-12-31 18:00:00"]);
    expect(describeStep(date)).toBe("Change tags to DATE (from Excel’s serial day numbers)");
  });

  it("removes duplicates on chosen keys (case-sensitive) or on all columns", async () => {
    const byName = await run([on({ kind: "dedupe", columns: ["name"] })]);
    expect(byName.rows.map((r) => r.id)).toEqual([1, 2, 3]);
    const all = await run([on({ kind: "select", columns: ["name", "tags"] }), on({ kind: "dedupe" })]);
    expect(all.rows).toHaveLength(3);
  });

  it("fills a column down in the rows' order, over nulls, empty text and spaces, from the hidden order column", async () => {
    // A report's groups: a region written on its first row only (merged cells, a pivot table's export), in rows not stored in order.
    await db.run(`CREATE TABLE report AS SELECT * FROM (VALUES
      (3, NULL, 5), (1, 'North', 10), (5, 'South', 7), (2, '', 20), (4, '  ', 8), (6, NULL, 1), (0, NULL, 4)) v(_row, region, units)`);
    const compiled = compileSteps("report", [on({ kind: "fillDown", column: "region" }), on({ kind: "fillDown", column: "units" })], ["region", "units"], ["_row"]);
    if (!compiled.ok) throw new Error(compiled.reason);
    const rows = await db.rows(`${compiled.sql} ORDER BY _row`);
    // The first row has nothing above it: it stays empty.
    expect(rows.map((r) => r.region)).toEqual([null, "North", "North", "North", "North", "South", "South"]);
    expect(rows.map((r) => r.units)).toEqual([4, 10, 20, 5, 8, 7, 1]);
    expect(describeStep(on({ kind: "fillDown", column: "region" }))).toBe("Fill empty region with the value above");
  });

  it("splits a column into new ones", async () => {
    const out = await run([on({ kind: "split", column: "tags", delimiter: ";", into: ["t1", "t2"] })]);
    expect(out.columns).toEqual([...COLUMNS, "t1", "t2"]);
    expect(out.rows.map((r) => [r.t1, r.t2])).toEqual([
      ["a", "b"],
      ["c", "d"],
      ["e", null],
      ["c", "d"],
    ]);
  });

  it("maps columns onto a target schema, casting and filling unmatched targets with NULL", async () => {
    const out = await run([
      on({
        kind: "mapSchema",
        target: [
          { name: "customer", type: "VARCHAR", from: "name" },
          { name: "amount", type: "INTEGER", from: "amt" },
          { name: "country", type: "VARCHAR", from: null },
        ],
      }),
    ]);
    expect(out.columns).toEqual(["customer", "amount", "country"]);
    expect(out.rows).toEqual([
      { customer: "  Ada ", amount: 10, country: null },
      { customer: "Bob", amount: -5, country: null },
      { customer: "bob", amount: null, country: null },
      { customer: "bob", amount: null, country: null },
    ]);
  });

  it("skips disabled steps", async () => {
    const out = await run([on({ kind: "filter", where: "false", enabled: false })]);
    expect(out.rows).toHaveLength(4);
  });

  it("refuses steps on missing columns, clashing names and unsafe type names, naming the step", () => {
    expect(compileSteps("t", [on({ kind: "select", columns: ["id"] }), on({ kind: "trim", column: "name" })], COLUMNS)).toEqual({
      ok: false,
      step: 1,
      reason: 'This step refers to "name", which the data does not have here.',
    });
    expect(compileSteps("t", [on({ kind: "rename", from: "id", to: "name" })], COLUMNS).ok).toBe(false);
    expect(compileSteps("t", [on({ kind: "cast", column: "id", type: "INT); DROP TABLE t; --" })], COLUMNS).ok).toBe(false);
  });

  it("describes steps in plain words", () => {
    expect(describeStep(on({ kind: "rename", from: "a", to: "b" }))).toBe("Rename a to b");
  });
});
