import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { freshDuckDb } from "@/test/duckdb-node";
import { footerLength, uuidColumns, uuidFromBytes } from "./parquet-footer";

const dir = mkdtempSync(join(tmpdir(), "parquet-footer-"));

/** A Parquet file written by native DuckDB, and its footer as the engine cuts it. */
async function footerOf(select: string): Promise<Uint8Array> {
  const db = await freshDuckDb();
  const path = join(dir, `${Math.random().toString(36).slice(2)}.parquet`);
  await db.run(`COPY (${select}) TO '${path}' (FORMAT parquet)`);
  const bytes = new Uint8Array(readFileSync(path));
  const length = footerLength(bytes.subarray(bytes.length - 8));
  expect(length).toBeGreaterThan(0);
  return bytes.subarray(bytes.length - 8 - length!, bytes.length - 8);
}

describe("uuidColumns", () => {
  it("names the top-level UUID columns, not the nested ones nor other 16-byte or text columns", async () => {
    const footer = await footerOf(
      "SELECT uuid '6ba7b810-9dad-11d1-80b4-00c04fd430c8' AS id, 'x' AS name, {'inner': uuid '6ba7b810-9dad-11d1-80b4-00c04fd430c8', 'n': 1} AS s, [1, 2] AS l, gen_random_uuid() AS \"other id\", 'abc'::BLOB AS b, 1.5::DECIMAL(30, 2) AS d",
    );
    expect(uuidColumns(footer)).toEqual(["id", "other id"]);
  });

  it("finds none in a file without UUIDs, nor in bytes that are not a footer", async () => {
    expect(uuidColumns(await footerOf("SELECT range AS n, range::VARCHAR AS t FROM range(3000)"))).toEqual([]);
    expect(uuidColumns(new Uint8Array([0x15, 0x02, 0x19, 0xff]))).toEqual([]);
    expect(footerLength(new TextEncoder().encode("12345678"))).toBeUndefined();
  });
});

describe("uuidFromBytes", () => {
  it("gives back the UUID whose 16 bytes a column holds, and null for null", async () => {
    const db = await freshDuckDb();
    await db.run("CREATE TABLE t AS SELECT unhex('6BA7B8109DAD11D180B400C04FD430C8') AS u UNION ALL SELECT NULL");
    expect(await db.rows(`SELECT ${uuidFromBytes("u")}::VARCHAR AS id FROM t`)).toEqual([{ id: "6ba7b810-9dad-11d1-80b4-00c04fd430c8" }, { id: null }]);
  });
});
