import { tableFromIPC } from "apache-arrow";
import { describe, expect, test } from "vitest";
import { typedTableStreams } from "./arrow";
import type { TypedTable } from "./table";

describe("typedTableStreams", () => {
  const dataset = (rows: number): TypedTable => ({
    columns: [
      { name: "n", type: "number" },
      { name: "label", type: "labelled" },
      { name: "day", type: "date" },
      { name: "at", type: "timestamp" },
    ],
    rows: Array.from({ length: rows }, (_, i) => [i % 3 === 0 ? null : i, i % 2 ? "odd" : null, Date.UTC(2024, 0, 1 + i), Date.UTC(2024, 0, 1, 0, 0, i, 500)]),
  });

  test("cuts the rows into streams of a batch each, every value in its place, missing ones null", () => {
    const streams = [...typedTableStreams(dataset(10), 4)];
    expect(streams).toHaveLength(3);
    const tables = streams.map((s) => tableFromIPC(s));
    expect(tables.map((t) => t.numRows)).toEqual([4, 4, 2]);
    const last = tables[2]!;
    expect(last.schema.fields.map((f) => String(f.type))).toEqual(["Float64", "Utf8", "Date32<DAY>", "Timestamp<MICROSECOND>"]);
    expect([last.getChild("n")!.get(0), last.getChild("n")!.get(1), last.getChild("label")!.get(0), last.getChild("label")!.get(1)]).toEqual([8, null, null, "odd"]);
    expect(new Date(last.getChild("day")!.get(1) as number).toISOString()).toBe("2024-01-10T00:00:00.000Z");
    expect(last.getChild("at")!.get(0)).toBe(Date.UTC(2024, 0, 1, 0, 0, 8, 500));
  });

  test("a dataset of no rows gives no stream", () => {
    expect([...typedTableStreams(dataset(0))]).toEqual([]);
  });
});
