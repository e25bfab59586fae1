import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { freshDuckDb } from "@/test/duckdb-node";
import { castSelect, checkTypes, parseOptionsSchema, readCsvSql } from "./parse-options";

async function file(name: string, content: string | Buffer): Promise<string> {
  const path = join(await mkdtemp(join(tmpdir(), "stages-")), name);
  await writeFile(path, content);
  return path;
}

const options = (o: object) => parseOptionsSchema.parse({ format: "csv", ...o });

describe("readCsvSql", () => {
  it("reads with the sniffer when nothing is set", async () => {
    const db = await freshDuckDb();
    const path = await file("a.csv", "id;zip\n1;01000\n2;02000\n");
    expect(await db.rows(`SELECT * FROM ${readCsvSql(path, options({}))}`)).toEqual([
      { id: 1, zip: "01000" },
      { id: 2, zip: "02000" },
    ]);
  });

  it("applies a chosen delimiter (tab written as \\t), header, skip and types", async () => {
    const db = await freshDuckDb();
    const path = await file("a.tsv", "junk line\nid\tcode\n1\t007\n");
    const sql = readCsvSql(path, options({ delimiter: "\\t", header: true, skip: 1, types: { code: "INTEGER", id: "VARCHAR" } }));
    expect(await db.rows(`SELECT * FROM ${sql}`)).toEqual([{ id: "1", code: 7 }]);
  });

  it("reads dates with a chosen format", async () => {
    const db = await freshDuckDb();
    const path = await file("d.csv", "d\n03/04/2024\n05/06/2024\n");
    expect(await db.rows(`SELECT CAST(d AS VARCHAR) AS d FROM ${readCsvSql(path, options({ dateFormat: "%d/%m/%Y" }))}`)).toEqual([
      { d: "2024-04-03" },
      { d: "2024-06-05" },
    ]);
  });

  it("reads the texts given as empty values as null, besides the empty field, quoted", async () => {
    const db = await freshDuckDb();
    const path = await file("n.csv", "id,v\n1,NA\n2,-\n3,x\n4,\n5,it's\n");
    expect(await db.rows(`SELECT v FROM ${readCsvSql(path, options({ nullValues: ["NA", "-", "it's"] }))} ORDER BY id`)).toEqual([
      { v: null },
      { v: null },
      { v: "x" },
      { v: null },
      { v: null },
    ]);
  });

  it("reads rows that end before the header's last columns with those values empty, in native DuckDB too", async () => {
    const db = await freshDuckDb();
    const path = await file("r.csv", 'id,name,note\n1,"a\nb"\n2,c,late\n3,d\n');
    expect(await db.rows(`SELECT * FROM ${readCsvSql(path, options({ header: true, raggedRows: true }))} ORDER BY id`)).toEqual([
      { id: 1, name: "a\nb", note: null },
      { id: 2, name: "c", note: "late" },
      { id: 3, name: "d", note: null },
    ]);
  });

  it("reads gzip", async () => {
    const db = await freshDuckDb();
    const path = await file("a.csv.gz", gzipSync("a,b\n1,2\n"));
    expect(await db.rows(`SELECT * FROM ${readCsvSql(path, options({ gzip: true }))}`)).toEqual([{ a: 1, b: 2 }]);
  });
});

describe("type overrides", () => {
  it("refuses unsafe type names and casts other formats after loading", async () => {
    expect(checkTypes({ a: "DECIMAL(10,2)" })).toBeNull();
    expect(checkTypes({ a: "INT); DROP TABLE x" })).toMatch(/not a type name/);
    const db = await freshDuckDb();
    await db.run("CREATE TABLE t AS SELECT '5' AS a, 'x' AS b");
    expect(await db.rows(castSelect("t", ["a", "b"], { a: "INTEGER" }))).toEqual([{ a: 5, b: "x" }]);
  });
});
