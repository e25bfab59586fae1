import { beforeAll, describe, expect, it } from "vitest";
import { freshDuckDb } from "@/test/duckdb-node";
import { describeFormulaText, formulaTextAggregate, formulaTextStatement, mayBeFormulaText } from "./formula-text";

let db: Awaited<ReturnType<typeof freshDuckDb>>;
beforeAll(async () => {
  db = await freshDuckDb();
});

describe("Excel text formulas (=\"02134\")", () => {
  it("picks the columns to check by their first values", () => {
    expect(mayBeFormulaText(['="02134"', null, "", ' ="10001" '])).toBe(true);
    expect(mayBeFormulaText(['="02134"', "10001"])).toBe(false);
    expect(mayBeFormulaText(["=SUM(A1:A3)", '="x"'])).toBe(false);
    expect(mayBeFormulaText([null, ""])).toBe(false);
  });

  it("reads a column whose every value is one as the text inside, and leaves a column with another value as it is", async () => {
    await db.run(`CREATE TABLE t (zip VARCHAR, mixed VARCHAR); INSERT INTO t VALUES ('="02134"', '="1"'), (NULL, '2'), ('="00501"', NULL), ('=""', '="3"')`);
    expect(await db.rows(`SELECT ${formulaTextAggregate("zip", "z")}, ${formulaTextAggregate("mixed", "m")} FROM t`)).toEqual([{ z: true, m: false }]);
    await db.run(formulaTextStatement("t", "zip"));
    expect((await db.rows("SELECT zip FROM t")).map((r) => r.zip)).toEqual(["02134", null, "00501", ""]);
  });

  it("says which columns", () => {
    expect(describeFormulaText(undefined)).toBeNull();
    expect(describeFormulaText(["zip", "phone"])).toBe('Read as the text inside Excel\'s text formulas (="02134"): zip, phone.');
  });
});
