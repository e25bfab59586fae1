import { readFileSync } from "node:fs";
import { gunzipSync } from "node:zlib";
import { tableFromIPC, tableToIPC, tableFromArrays } from "apache-arrow";
import { describe, expect, test } from "vitest";
import { lz4Frame } from "./lz4";
import { ArrowIpcError } from "./messages";
import { arrowIpcStreams } from "./streams";

// Written by Arrow C++ for Arrow's integration tests (test/fixtures/arrow/README.md).
const fixture = (name: string) => new Uint8Array(readFileSync(new URL(`../../test/fixtures/arrow/${name}`, import.meta.url)));
const rows = (bytes: Uint8Array) => [...arrowIpcStreams(bytes)].flatMap((ipc) => tableFromIPC(ipc).toArray().map((row) => ({ ints: row.ints === null ? null : String(row.ints), strs: row.strs })));

describe("Arrow IPC files and streams", () => {
  test("an LZ4-compressed file and a ZSTD-compressed stream give the rows Arrow's own test says they hold", () => {
    const gold = JSON.parse(gunzipSync(fixture("expected.json.gz")).toString()) as { batches: { count: number; columns: { name: string; DATA: string[]; VALIDITY: number[] }[] }[] };
    const expected = gold.batches.flatMap((batch) =>
      Array.from({ length: batch.count }, (_, i) => {
        const [ints, strs] = batch.columns;
        return { ints: ints!.VALIDITY[i] ? ints!.DATA[i]! : null, strs: strs!.VALIDITY[i] ? strs!.DATA[i]! : null };
      }),
    );
    expect(expected).toHaveLength(60);
    expect(rows(fixture("lz4.arrow"))).toEqual(expected);
    expect(rows(fixture("zstd.arrows"))).toEqual(expected);
  });

  test("buffers stored uncompressed in a compressed file (a length of -1) are taken as they are", () => {
    const [ipc] = [...arrowIpcStreams(fixture("uncompressible-lz4.arrow"))];
    const table = tableFromIPC(ipc!);
    expect(table.numRows).toBe(4);
    expect(table.schema.fields.map((f) => f.name)).toEqual(["ints", "strings"]);
  });

  test("an uncompressed file as Arrow JS writes it; small batches go together, up to 64 K rows a stream", () => {
    const table = tableFromArrays({ id: Int32Array.from([1, 2, 3]), name: ["Ada", "Zoë", "日本"] });
    const single = [...arrowIpcStreams(tableToIPC(table, "file"))];
    expect(single).toHaveLength(1);
    expect(tableFromIPC(single[0]!).toArray().map((r) => [r.id, r.name])).toEqual([[1, "Ada"], [2, "Zoë"], [3, "日本"]]);
    // 40 batches of 4,096 rows: streams of 16 batches (65,536 rows), 16, then 8.
    const part = (from: number) => tableFromArrays({ n: Int32Array.from({ length: 4096 }, (_, i) => from + i) });
    const many = Array.from({ length: 40 }, (_, b) => part(b * 4096)).reduce((all, t) => all.concat(t));
    const streams = [...arrowIpcStreams(tableToIPC(many, "stream"))].map((ipc) => tableFromIPC(ipc));
    expect(streams.map((t) => t.numRows)).toEqual([65536, 65536, 32768]);
    expect(streams.flatMap((t) => [...t.getChild("n")!]).every((n, i) => n === i)).toBe(true);
  });

  test("LZ4 blocks: literals, then a match that overlaps what it copies", () => {
    // Frame header (version 1, independent blocks, 64 KB), one block: "ab" then 6 bytes from 2 back; the end mark.
    const frame = new Uint8Array([0x04, 0x22, 0x4d, 0x18, 0x60, 0x40, 0x82, 5, 0, 0, 0, 0x22, 0x61, 0x62, 2, 0, 0, 0, 0, 0]);
    expect(new TextDecoder().decode(lz4Frame(frame, 8))).toBe("abababab");
    expect(() => lz4Frame(frame, 9)).toThrow(/8 bytes where 9/);
  });

  test("other files say what they are", () => {
    expect(() => [...arrowIpcStreams(fixture("lz4.arrow").subarray(0, 600))]).toThrow(ArrowIpcError);
    expect(() => [...arrowIpcStreams(new TextEncoder().encode("FEA1 and more"))]).toThrow(/first version/);
  });
});
