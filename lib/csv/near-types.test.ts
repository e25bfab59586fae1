import { beforeAll, describe, expect, it } from "vitest";
import { freshDuckDb } from "@/test/duckdb-node";
import { passesSql } from "@/lib/recipe/rules";
import { literal } from "@/lib/sql/quote";
import { dateShape, KINDS, kindsWorthTrying, mayBeNearTyped, nearTypeRule, nearTypes, nearTypesSql, waysAddedSql } from "./near-types";

let db: Awaited<ReturnType<typeof freshDuckDb>>;
beforeAll(async () => {
  db = await freshDuckDb();
  const rows = [
    ["1", "12,50", "2026-11-01", "Ana", "10"],
    ["2", "7,00", "2026-11-02", "Bo", "11"],
    ["3", null, "2026-11-03", "Cy", "12"],
    ["4", "abc", "2026-13-45", "Di", "x1"],
    ["5", "1,00", "2026-11-05", "Ed", "x2"],
    ["6", "9,99", "2026-11-06", "Fay", "14"],
  ];
  const values = rows.map((r) => `(${r.map((v) => (v === null ? "NULL" : `'${v}'`)).join(", ")})`).join(", ");
  await db.run(`CREATE TABLE t AS SELECT * FROM (VALUES ${values}) v(id, amount, day, name, code)`);
});

const COLUMNS = ["id", "amount", "day", "name", "code"];
const found = async (delimiter: string, limit?: number) => nearTypes(await db.rows(nearTypesSql("t", COLUMNS, delimiter, limit)), COLUMNS, delimiter);

describe("nearTypes", () => {
  it("finds text columns that are numbers or dates but for one value, each by the type it nearly is", async () => {
    expect((await found(";")).map(({ column, type, rule }) => [column, type, rule.kind === "type" && rule.type, rule.kind === "type" && rule.decimalChar])).toEqual([
      ["amount", "DOUBLE", "decimal", ","],
      ["day", "DATE", "date", undefined],
    ]);
  });

  it("leaves columns that fit throughout, text, and those with more misfits than a few", async () => {
    const columns = (await found(";")).map((n) => n.column);
    expect(columns).not.toContain("id");
    expect(columns).not.toContain("name");
    expect(columns).not.toContain("code");
  });

  it("does not try the decimal comma in a comma-delimited file, and needs values enough that fit", async () => {
    expect((await found(",")).map((n) => n.column)).toEqual(["day"]);
    // The first four rows alone: code's second misfit is further down (the whole column is checked before a finding is made).
    expect((await found(";", 4)).map((n) => n.column)).toEqual(["day", "code"]);
    expect(await found(";", 3)).toEqual([]);
    // Of a sample, a column whose first values all fit is kept, for the whole column to be checked.
    const first = await db.rows(nearTypesSql("t", COLUMNS, ";", 3));
    expect([...kindsWorthTrying(first, COLUMNS, ";").keys()]).toEqual(["id", "day", "code"]);
    // Each with the kinds its first values may be: whole numbers are decimals too; an ISO date is a timestamp too.
    expect(kindsWorthTrying(first, COLUMNS, ";").get("day")!.map((k) => KINDS[k]!.rule.type)).toEqual(["date", "timestamp"]);
    const only = kindsWorthTrying(first, COLUMNS, ";");
    const whole = [];
    for (const [column, kinds] of only) whole.push(...nearTypes(await db.rows(nearTypesSql("t", [column], ";", undefined, kinds)), [column], ";"));
    expect(whole.map((n) => [n.column, n.rule.kind === "type" && n.rule.type])).toEqual([["day", "date"]]);
    // The values of several columns are scanned as one, each column's counted apart (a column named as the scan's own is no exception).
    await db.run(`CREATE TABLE named AS SELECT id AS value, day AS column_name, amount AS n FROM t`);
    expect(nearTypes(await db.rows(nearTypesSql("named", ["value", "column_name", "n"], ";")), ["value", "column_name", "n"], ";").map((n) => n.column)).toEqual(["column_name", "n"]);
  });
});

describe("nearTypes of dates as people write them", () => {
  it("finds a column of day-first dates but for one, with the format its rule reads them by", async () => {
    await db.run(`CREATE TABLE d AS SELECT * FROM (VALUES ('31/12/2024'), ('01/02/2024'), ('15/03/2024'), ('32/01/2024'), ('2/4/2024')) v(day)`);
    const [near] = nearTypes(await db.rows(nearTypesSql("d", ["day"], ";")), ["day"], ";");
    expect(near).toMatchObject({ column: "day", type: "DATE", rule: { type: "date", format: "%d/%m/%Y" } });
  });
});

describe("nearTypes of dates written more than one way", () => {
  // Two exports joined: ISO dates, then day-first ones (one of which reads month first too), and a value no way reads.
  const days = [...Array.from({ length: 120 }, (_, i) => `2024-0${1 + (i % 9)}-1${i % 10}`), "21/8/2024", "1/12/2025", "13/4/2025", ...Array.from({ length: 80 }, (_, i) => `${10 + (i % 18)}/0${1 + (i % 9)}/2025`)];
  beforeAll(async () => {
    await db.run(`CREATE TABLE w AS SELECT * FROM (VALUES ${[...days, "soon"].map((d) => `('${d}')`).join(", ")}) v(day)`);
  });

  it("finds a column whose dates fit one way or another but none nearly all, with its ways, the most's first", async () => {
    const [near] = nearTypes(await db.rows(nearTypesSql("w", ["day"], ",")), ["day"], ",");
    expect(near).toMatchObject({ column: "day", type: "DATE", rule: { type: "date" } });
    // Day first before month first: both read 1/12/2025 and 10/01/2025, day first reads more.
    expect(near!.ways!.slice(0, 2)).toEqual(["%Y-%m-%d", "%d/%m/%Y"]);
    expect(near!.ways).toContain("%m/%d/%Y");
    // Of a sample, such a column is checked whole against the ways its first rows have.
    const sample = await db.rows(nearTypesSql("w", ["day"], ";", 2048));
    expect(kindsWorthTrying(sample, ["day"], ";").get("day")!.map((k) => KINDS[k]!.rule.format ?? "ISO")).toEqual(["ISO", "%d/%m/%Y", "%m/%d/%Y"]);
  });

  it("finds them where but a few are written another way: those few are dates, not values to reject", async () => {
    const few = [...Array.from({ length: 400 }, (_, i) => `2024-0${1 + (i % 9)}-1${i % 10}`), "21/8/2024", "13/4/2025"];
    await db.run(`CREATE TABLE f AS SELECT * FROM (VALUES ${few.map((d) => `('${d}')`).join(", ")}) v(day)`);
    const [near] = nearTypes(await db.rows(nearTypesSql("f", ["day"], ";")), ["day"], ";");
    expect(near!.ways).toEqual(["%Y-%m-%d", "%d/%m/%Y"]);
    const sample = await db.rows(nearTypesSql("f", ["day"], ";", 2048));
    expect(kindsWorthTrying(sample, ["day"], ";").get("day")!.map((k) => KINDS[k]!.rule.format ?? KINDS[k]!.type)).toEqual(["DATE", "TIMESTAMP", "%d/%m/%Y"]);
  });

  it("leaves out a way that reads no value the ways before it do not", async () => {
    const [added] = await db.rows(waysAddedSql("w", "day", ["%Y-%m-%d", "%d/%m/%Y", "%m/%d/%Y"]));
    expect(added).toEqual({ w0: 120, w1: 83, w2: 0 });
  });

  it("does not take a column of text with a few dates for dates written several ways", async () => {
    await db.run(`CREATE TABLE x AS SELECT * FROM (VALUES ('2024-01-05'), ('5/1/2024'), ('soon'), ('later'), ('2024-02-01'), ('n/a')) v(note)`);
    expect(nearTypes(await db.rows(nearTypesSql("x", ["note"], ",")), ["note"], ",")).toEqual([]);
  });
});

describe("nearTypes of yes and no as words", () => {
  it("finds a column of Y and N, which DuckDB casts to booleans but its sniffer leaves as text, and one with a word among them", async () => {
    const flags = ["Y", "N", "y", "N", "Y", "Y"];
    await db.run(`CREATE TABLE yn AS SELECT * FROM (VALUES ${flags.map((f, i) => `('${f}', '${i === 3 ? "maybe" : i % 2 ? "yes" : "No"}', '${["N", "S", "E", "W", "N", "S"][i]}')`).join(", ")}) v(active, agreed, heading)`);
    const near = nearTypes(await db.rows(nearTypesSql("yn", ["active", "agreed", "heading"], ",")), ["active", "agreed", "heading"], ",");
    expect(near.map((n) => [n.column, n.type, n.rule.kind === "type" && n.rule.type])).toEqual([
      ["active", "BOOLEAN", "boolean"],
      ["agreed", "BOOLEAN", "boolean"],
    ]);
    expect(mayBeNearTyped(["Y,yes,N", "N,no,S", "Y,No,E"], { delimiter: ",", quote: '"', escape: '"' }, ["active", "agreed", "heading"])).toEqual(["active", "agreed"]);
  });
});

describe("mayBeNearTyped", () => {
  it("keeps the columns whose first values all look like numbers or dates but a few", () => {
    const lines = ["1;12,50;2026-11-01;Ana;x1", "2;abc;2026-11-02;Bo;x2", "3;7,00;2026-11-03T10:00;Cy;x3", "4;1e3;;Di;4", ""];
    expect(mayBeNearTyped(lines, { delimiter: ";", quote: '"', escape: '"' }, ["id", "amount", "day", "name", "code"])).toEqual(["id", "amount", "day"]);
    expect(mayBeNearTyped(lines.slice(0, 2), { delimiter: ";", quote: '"', escape: '"' }, ["id", "amount", "day", "name", "code"])).toEqual([]);
  });
});

describe("nearTypes of amounts written for people", () => {
  it("finds a column of amounts ($1,234.56, negatives in parentheses) but for a word, by the format they are written in", async () => {
    await db.run(`CREATE TABLE m AS SELECT * FROM (VALUES ('$1,234.56'), ('($56.10)'), ('$7.00'), ('TBD'), ('$12,000.00'), ('$0.99')) v(amount)`);
    const [near] = nearTypes(await db.rows(nearTypesSql("m", ["amount"], ",")), ["amount"], ",");
    expect(near).toMatchObject({ column: "amount", type: "DOUBLE", written: "point", rule: { kind: "pattern" } });
    expect(mayBeNearTyped(["$1,234.56", "($56.10)", "TBD", "$7.00"], { delimiter: ";", quote: '"', escape: '"' }, ["amount"])).toEqual(["amount"]);
  });
});

describe("dateShape", () => {
  it("takes every value the date kinds' rules read (a failed parse is only ever skipped, never a date missed), and leaves out ids and words", async () => {
    const values = ["2024-01-02", "2024-1-2", "2024/01/02", "2024 01 02", " 2024-01-02 ", "2024-01-02 BC", "-2024-01-02", "2024-01-02T10:00:00Z", "2024-01-02 10:00", "10000-01-01",
      "31/12/2024", "1/2/2024", "01/02/2024", "12/31/2024", "31.12.2024", "1.2.2024", "31-12-2024", "2024/12/31", "2024/1/2", " 31/12/2024", "31/12/2024 ", "00/01/2024", "1000000", "abc", "12,50"];
    const table = `(SELECT * FROM (VALUES ${values.map((v) => `(${literal(v)})`).join(", ")}) v(x))`;
    for (const kind of KINDS) {
      const shape = dateShape(kind.rule);
      if (!shape) continue;
      const rows = await db.rows(`SELECT x, ${passesSql(nearTypeRule("x", kind), [{ name: "x", type: "VARCHAR" }])} AS passes, regexp_matches(x, ${literal(shape)}) AS shaped FROM ${table}`);
      expect(rows.filter((r) => r.passes && !r.shaped).map((r) => r.x), JSON.stringify(kind.rule)).toEqual([]);
      expect(rows.filter((r) => ["1000000", "abc", "12,50"].includes(String(r.x)) && r.shaped)).toEqual([]);
    }
  });
});
