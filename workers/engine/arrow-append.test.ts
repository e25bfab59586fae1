import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { wasmReadEngine } from "@/test/duckdb-wasm-node";
import { arrowBatches } from "@/lib/staging/json-arrow";
import { readFileSync } from "node:fs";
import { tableFromArrays, tableToIPC } from "apache-arrow";
import { arrowIpcStreams } from "@/lib/arrow-ipc/streams";
import { appendToTemporary } from "./arrow-append";

let engine: Awaited<ReturnType<typeof wasmReadEngine>>;
beforeAll(async () => {
  engine = await wasmReadEngine();
});
afterAll(() => engine.close());

const tables = async (name: string) => engine.rows(`SELECT database_name AS db, table_name AS name FROM duckdb_tables() WHERE table_name LIKE '${name}%' ORDER BY ALL`);

describe("appendToTemporary (Arrow IPC streams into a temporary table)", () => {
  it("makes the table from the first stream and appends the others in order, in the temporary catalog only", async () => {
    const records = Array.from({ length: 7 }, (_, i) => ({ n: i, Name: `v${i}`, name: i % 2 === 0 }));
    const fields = [
      { name: "n", sqlType: "int64" as const },
      { name: "Name", sqlType: "utf8" as const },
      { name: "name", sqlType: "bool" as const },
    ];
    expect(await appendToTemporary(engine, "appended", arrowBatches(records, fields, 3))).toBe(3);
    expect(await tables("appended")).toEqual([{ db: "temp", name: "appended" }]);
    // Names that differ only in case are made unique, as DuckDB makes a table of Arrow.
    expect((await engine.rows("DESCRIBE appended")).map((r) => r.column_name)).toEqual(["n", "Name", "name_1"]);
    expect((await engine.rows("SELECT n FROM appended")).map((r) => r.n)).toEqual([0, 1, 2, 3, 4, 5, 6]);
  });

  it("makes no table from no streams, and says so", async () => {
    expect(await appendToTemporary(engine, "nothing", [])).toBe(0);
    expect(await tables("nothing")).toEqual([]);
  });

  it("fails with the stream's error, once what came before it is appended", async () => {
    const failing = async function* () {
      yield* arrowBatches([{ n: 1 }, { n: 2 }], [{ name: "n", sqlType: "int64" }], 1);
      throw new Error("The file ended early.");
    };
    await expect(appendToTemporary(engine, "cut", failing())).rejects.toThrow("The file ended early.");
    expect(await engine.rows("SELECT n FROM cut")).toEqual([{ n: 1 }, { n: 2 }]);
  });

  // Arrow files as Arrow C++ writes them (LZ4- and ZSTD-compressed, test/fixtures/arrow) and as Arrow JS does (dictionary-encoded text).
  it("takes an Arrow file's batches, decompressed and with their dictionaries, as DuckDB-WASM's Arrow reader reads them", async () => {
    const fixture = (name: string) => new Uint8Array(readFileSync(new URL(`../../test/fixtures/arrow/${name}`, import.meta.url)));
    // Its two batches of 30 rows go in as one stream.
    expect(await appendToTemporary(engine, "lz4", arrowIpcStreams(fixture("lz4.arrow")))).toBe(1);
    expect(await appendToTemporary(engine, "zstd", arrowIpcStreams(fixture("zstd.arrows")))).toBe(1);
    expect(await engine.rows("SELECT count(*)::INT AS n, count(strs)::INT AS texts, min(ints)::INT AS least FROM lz4")).toEqual(await engine.rows("SELECT count(*)::INT AS n, count(strs)::INT AS texts, min(ints)::INT AS least FROM zstd"));
    expect(await engine.rows("SELECT ints::INT AS ints, strs FROM lz4 LIMIT 2")).toEqual([{ ints: 42, strs: "foo" }, { ints: 43, strs: "bar" }]);
    const table = tableFromArrays({ id: Int32Array.from([1, 2, 3]), city: ["Åre", "Oslo", "Åre"] });
    expect(await appendToTemporary(engine, "dictionary", arrowIpcStreams(tableToIPC(table, "file")))).toBe(1);
    expect(await engine.rows("SELECT id, city::VARCHAR AS city FROM dictionary ORDER BY id")).toEqual([{ id: 1, city: "Åre" }, { id: 2, city: "Oslo" }, { id: 3, city: "Åre" }]);
    // Batches of 30,000 rows, each with a dictionary of its own: streams of three batches, each with the dictionaries before it.
    const part = (b: number) => tableFromArrays({ id: Int32Array.from({ length: 30_000 }, (_, i) => b * 30_000 + i), city: Array.from({ length: 30_000 }, (_, i) => `city ${b}-${i % 3}`) });
    const many = Array.from({ length: 7 }, (_, b) => part(b)).reduce((all, t) => all.concat(t));
    expect(await appendToTemporary(engine, "dictionaries", arrowIpcStreams(tableToIPC(many, "stream")))).toBe(3);
    expect(await engine.rows("SELECT count(*)::INT AS n, count(DISTINCT city)::INT AS cities, max(id) AS last FROM dictionaries")).toEqual([{ n: 210_000, cities: 21, last: 209_999 }]);
    expect(await engine.rows("SELECT city::VARCHAR AS city FROM dictionaries WHERE id IN (0, 100_001, 209_999) ORDER BY id")).toEqual([{ city: "city 0-0" }, { city: "city 3-2" }, { city: "city 6-2" }]);
  });
});
