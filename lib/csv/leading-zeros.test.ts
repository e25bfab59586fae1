import { beforeAll, describe, expect, it } from "vitest";
import { freshDuckDb } from "@/test/duckdb-node";
import { codeColumns, describeLeadingZeros, leadingZeroAggregates, shortValueSql } from "./leading-zeros";

const comma = { delimiter: ",", quote: '"', escape: '"' };
const read = [
  { name: "zip", type: "BIGINT" },
  { name: "qty", type: "BIGINT" },
  { name: "code", type: "VARCHAR" },
  { name: "year", type: "BIGINT" },
];

let db: Awaited<ReturnType<typeof freshDuckDb>>;
beforeAll(async () => {
  db = await freshDuckDb();
});

describe("leading zeros", () => {
  it("take whole-number columns of digits of one width for codes", () => {
    const lines = ["10001,5,A1,2024", "94105,12,B2,2023", "", "60601,300,C3,2024"];
    expect(codeColumns(lines, comma, read)).toEqual([
      { name: "zip", width: 5 },
      { name: "year", width: 4 },
    ]);
    // Amounts of every width, signs, single digits and text columns are no codes.
    expect(codeColumns(["-10,1,AB,2024", "20,2,CD,99"], comma, read)).toEqual([]);
    expect(codeColumns([], comma, read)).toEqual([]);
  });

  it("find numbers shorter than their column's codes, and a value with a leading zero in the text", async () => {
    await db.rows("CREATE TABLE staged AS SELECT * FROM (VALUES (10001, 2024, 12345), (2134, 2023, 54321), (94105, 2022, 99999)) t(zip, year, code)");
    const short = [];
    for (const sql of shortValueSql("staged", [{ name: "zip", width: 5 }, { name: "year", width: 4 }, { name: "code", width: 5 }])) short.push(...(await db.rows(sql)));
    expect(short).toEqual([{ name: "zip" }]);
    await db.rows("CREATE TABLE text AS SELECT * FROM (VALUES ('10001', '5'), (' 02134', '7'), ('00501', '8'), ('-0', '09')) t(zip, qty)");
    const [zeros] = await db.rows(`SELECT ${leadingZeroAggregates(["zip", "qty"], "z").join(", ")} FROM text`);
    expect(zeros).toEqual({ z0: "00501", z1: "09" });
    const [none] = await db.rows(`SELECT ${leadingZeroAggregates(["zip"], "z").join(", ")} FROM text WHERE zip = '10001'`);
    expect(none).toEqual({ z0: null });
  });

  it("are described by column, with a value", () => {
    expect(describeLeadingZeros({ zip: "02134" })).toBe("Read as text to keep leading zeros found below DuckDB's sample of the first rows: zip (02134).");
    expect(describeLeadingZeros({})).toBeNull();
    expect(describeLeadingZeros(undefined)).toBeNull();
  });
});
