import { tableFromArrays, tableToIPC } from "apache-arrow";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { wasmArrow } from "@/test/duckdb-wasm-node";
import { arrowHead, withArrowHead } from "./arrow-head";

let duck: Awaited<ReturnType<typeof wasmArrow>>;
beforeAll(async () => {
  duck = await wasmArrow();
});
afterAll(() => duck.close());

/** The values as DuckDB gives them in Arrow, and as DuckDB writes them as text. */
function asDuckDbShows(select: string) {
  const ipc = duck.ipc(`SELECT ${select}`);
  const texts = duck.query(`SELECT COLUMNS(*)::VARCHAR FROM (SELECT ${select})`);
  return { head: arrowHead(ipc), texts: texts.schema.fields.map((_, c) => Array.from({ length: texts.numRows }, (_, r) => texts.getChildAt(c)!.get(r) as string | null)) };
}

describe("arrowHead (a Parquet or Arrow file's first rows)", () => {
  it("writes numbers, text, booleans, decimals, dates, timestamps and times of day as DuckDB shows them", () => {
    const { head, texts } = asDuckDbShows(
      `* FROM (VALUES (1, 'a', true, 1.25::DECIMAL(9,2), DATE '2024-01-02', TIMESTAMP '2024-01-02 10:11:12', TIME '14:20:33', 2.5::DOUBLE, 9007199254740993::BIGINT),
        (NULL, NULL, false, -0.05::DECIMAL(9,2), DATE '1969-12-31', TIMESTAMP '2024-01-02 10:11:12.5', TIME '00:00:01.25', -1e-3, -2::BIGINT)) v(i, t, b, d, day, moment, clock, f, big)`,
    );
    expect(head!.columns).toEqual(["i", "t", "b", "d", "day", "moment", "clock", "f", "big"]);
    expect(head!.columnValues).toEqual(texts);
  });

  it("writes floats as DuckDB does: whole ones with their point, single-precision ones in their fewest digits", () => {
    const numbers = ["3", "0.1", "-2", "1e20", "1e15", "1.2345678901234568e17", "1e-4", "1.5e-5", "-2.5e-7", "0.3", "1e300", "-1e-300", "'nan'", "'inf'", "'-inf'", "-0.0", "123.456"];
    const { head, texts } = asDuckDbShows(`${numbers.map((n, i) => `(${n})::DOUBLE AS d${i}, TRY_CAST(${n} AS FLOAT) AS f${i}`).join(", ")}`);
    expect(head!.columnValues).toEqual(texts);
  });

  it("writes nested values as JSON, and bytes as DuckDB shows a BLOB", () => {
    const { head } = asDuckDbShows(`[1, 2] AS l, {'lat': 1.5, 'tags': ['x']} AS s, '\\x00ab'::BLOB AS b`);
    expect(head!.columnValues).toEqual([["[1,2]"], ['{"lat":1.5,"tags":["x"]}'], ["\\x00ab"]]);
  });

  it("keeps the first twenty rows of a longer batch, and reads dictionary-encoded text as its values", () => {
    const ipc = duck.ipc(`SELECT range AS n, (['red', 'blue'])[range % 2 + 1]::ENUM('red', 'blue') AS colour FROM range(100)`);
    const head = arrowHead(ipc)!;
    expect(head.columnValues[0]).toEqual(Array.from({ length: 20 }, (_, i) => String(i)));
    expect(head.columnValues[1]!.slice(0, 3)).toEqual(["red", "blue", "red"]);
  });
});

describe("withArrowHead", () => {
  const stream = (n: number) => tableToIPC(tableFromArrays({ n: Int32Array.from({ length: n }, (_, i) => i) }), "stream");

  it("gives the first stream's rows at once, before any stream is asked for, and then every stream in order", async () => {
    const streams = [stream(3), stream(2)];
    const heads: string[][] = [];
    const again = await withArrowHead(streams, (head) => heads.push(head.columnValues[0] as string[]));
    expect(heads).toEqual([["0", "1", "2"]]);
    const seen: Uint8Array[] = [];
    for await (const s of again) seen.push(s);
    expect(seen).toEqual(streams);
  });

  it("gives nothing for no streams, and the streams themselves when no one asks for a head", async () => {
    const heads: unknown[] = [];
    const again = await withArrowHead([], (head) => heads.push(head));
    const seen: Uint8Array[] = [];
    for await (const s of again) seen.push(s);
    expect([heads, seen]).toEqual([[], []]);
    const streams = [stream(1)];
    expect(await withArrowHead(streams, undefined)).toBe(streams);
  });
});
