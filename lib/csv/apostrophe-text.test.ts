import { describe, expect, it } from "vitest";
import { freshDuckDb } from "@/test/duckdb-node";
import { csvRow } from "./write";
import { apostropheTextAggregate, apostropheTextStatement, describeApostropheText, mayBeApostropheText } from "./apostrophe-text";

async function read(values: (string | null)[]): Promise<{ found: boolean; after: (string | null)[] }> {
  const db = await freshDuckDb();
  await db.run("CREATE TABLE t (i INTEGER, c VARCHAR)");
  for (const [i, v] of values.entries()) await db.run(`INSERT INTO t VALUES (${i}, ${v === null ? "NULL" : `'${v.replaceAll("'", "''")}'`})`);
  const [row] = await db.rows(`SELECT ${apostropheTextAggregate("c", "found")} FROM t`);
  if (row!.found === true) await db.run(apostropheTextStatement("t", "c"));
  return { found: row!.found === true, after: (await db.rows("SELECT c FROM t ORDER BY i")).map((r) => r.c as string | null) };
}

describe("apostrophe text", () => {
  it("takes Excel's text mark off a column whose every value has it", async () => {
    expect(await read(["'00123", "", null, "'00456"])).toEqual({ found: true, after: ["00123", "", null, "00456"] });
  });

  it("takes a formula guard off, as a protected download wrote it, numbers left alone", async () => {
    const written = ["=A1", "+44 20 7946 0958", "-12.5", "plain", "@home"].map((v) => csvRow([v], { neutralizeFormulas: true }).trimEnd());
    expect(written).toEqual(["'=A1", "'+44 20 7946 0958", "-12.5", "plain", "'@home"]);
    expect(await read(written)).toEqual({ found: true, after: ["=A1", "+44 20 7946 0958", "-12.5", "plain", "@home"] });
  });

  it("leaves apostrophes that are text: a name, a lone one, values in single quotes, or beside an unguarded formula", async () => {
    expect((await read(["'Tis the season", "Ada"])).found).toBe(false);
    expect((await read(["'", "'"])).found).toBe(false);
    expect((await read(["'Ada'", "'Bo'"])).found).toBe(false);
    expect((await read(["'=A1", "=B2"])).found).toBe(false);
    expect((await read(["plain", "text"])).found).toBe(false);
  });

  it("looks further only where a first value starts with one, and says what it did", () => {
    expect(mayBeApostropheText(["a", null, "'b"])).toBe(true);
    expect(mayBeApostropheText(["a", null, "b'"])).toBe(false);
    expect(describeApostropheText(["code"])).toBe("Read without the apostrophe that marks text for a spreadsheet ('00123, '=A1): code.");
    expect(describeApostropheText([])).toBeNull();
  });
});
