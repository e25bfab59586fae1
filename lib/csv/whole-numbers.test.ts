import { describe, expect, it } from "vitest";
import { freshDuckDb } from "@/test/duckdb-node";
import { namesRead, wholeKinds, wholeKindsSql, wholeNumberColumns, wholeNumbersFailure, wholeNumbersSelect } from "./whole-numbers";

const comma = { delimiter: ",", quote: '"', escape: '"' };

describe("whole numbers read as DOUBLE and checked", () => {
  it("picks the columns whose first values are whole numbers of at most 15 digits, codes with a leading zero left out", () => {
    const lines = ["1,12,1.5,007,x,123456789012345678,", "2,-3,2,8,y,1,", "3,,3,9,z,2,"];
    expect(wholeNumberColumns(lines, comma, ["id", "qty", "price", "code", "name", "big", "empty"])).toEqual(["id", "qty"]);
    expect(wholeNumberColumns(["0,10", "-0,20"], comma, ["a", "b"])).toEqual(["a", "b"]);
    // Lines of another width (notes, a value over two lines) are not judged.
    expect(wholeNumberColumns(["1,2", "Total: 2 rows", "3"], comma, ["a", "b"])).toEqual(["a", "b"]);
  });

  it("names columns only where the read's names are sure, or as DuckDB names them without a header", () => {
    expect(namesRead({ header: true }, ["id", "Qty"], 2)).toEqual(["id", "Qty"]);
    expect(namesRead({ header: false, names: ["a", "b"] }, [], 2)).toEqual(["a", "b"]);
    for (const fields of [["id", ""], ["id", "ID"], ["id", " qty"]]) expect(namesRead({ header: true }, fields, 2)).toEqual([]);
    // Without a header, as DuckDB names the columns: padded from 11 columns on.
    expect(namesRead({ header: false }, [], 10).at(-1)).toBe("column9");
    expect(namesRead({ header: false }, [], 11).slice(0, 2)).toEqual(["column00", "column01"]);
    expect(namesRead({ header: false }, [], 101).at(-1)).toBe("column100");
  });

  it("makes the columns BIGINT, and stops at a fraction or a number too big for a DOUBLE, naming the column", async () => {
    const db = await freshDuckDb();
    const run = async (values: string) => {
      try {
        return { rows: await db.rows(`SELECT *, typeof(a) AS t FROM (SELECT ${wholeNumbersSelect(["a", "b"])} FROM (SELECT * FROM (VALUES ${values}) v(a, b, c)))`) };
      } catch (error) {
        return { failed: wholeNumbersFailure(String(error), ["a", "b"]) };
      }
    };
    expect(await run("(1.0::DOUBLE, -2.0::DOUBLE, 'x'), (NULL, 3.0, 'y')")).toEqual({ rows: [{ a: 1, b: -2, c: "x", t: "BIGINT" }, { a: null, b: 3, c: "y", t: "BIGINT" }] });
    expect(await run("(1.0::DOUBLE, 2.5::DOUBLE, 'x')")).toEqual({ failed: { column: "b", fraction: true } });
    expect(await run("(1e17::DOUBLE, 2.0::DOUBLE, 'x')")).toEqual({ failed: { column: "a", fraction: false } });
    expect(wholeNumbersSelect([])).toBe("*");
    expect(wholeNumbersFailure("Conversion Error: could not convert", ["a"])).toBeNull();
  });

  it("tells columns read as DOUBLE apart by one scan: whole, with fractions, or too big for a DOUBLE", async () => {
    const db = await freshDuckDb();
    await db.run("CREATE TABLE t AS SELECT * FROM (VALUES (1.0::DOUBLE, 1.5::DOUBLE, 1e17::DOUBLE, NULL::DOUBLE), (2.0, 2.0, 3.0, NULL)) v(a, b, c, d)");
    const columns = ["a", "b", "c", "d"];
    const [row] = await db.rows(wholeKindsSql("t", columns));
    expect(Object.fromEntries(wholeKinds(row!, columns))).toEqual({ a: "whole", b: "fraction", c: "big", d: "whole" });
  });
});
