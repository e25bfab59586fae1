import { describe, expect, it } from "vitest";
import { readKey, tablesToKeep } from "./kept-tables";
import type { ParseOptions } from "./parse-options";

const csv = { format: "csv", gzip: false, encoding: "utf-8" } as ParseOptions;
const names = (id: string) => ({ staged: `staged_${id}`, badLines: `badlines_${id}`, rowLines: `staged_${id}_lines` });
const file = (readCount: number, parse: ParseOptions = csv, status: "ready" | "reading" | "error" = "ready") => ({ sha256: "ab12", readCount, parse, status });

describe("readKey", () => {
  it("differs for another read of the same bytes, other options, or other bytes", () => {
    const one = readKey(file(1));
    expect(readKey(file(1))).toBe(one);
    expect(readKey(file(2))).not.toBe(one);
    expect(readKey(file(1, { ...csv, delimiter: ";" } as ParseOptions))).not.toBe(one);
    expect(readKey({ ...file(1), sha256: "cd34" })).not.toBe(one);
  });
});

describe("tablesToKeep", () => {
  it("keeps a staged table, its set-aside lines and its rows' lines where the file was last read as the table records", () => {
    const a = file(1);
    const keep = tablesToKeep({
      tables: ["staged_a", "badlines_a", "staged_a_lines", "run_a_final", "view_0f", "dataset_sales_v1", "_stages_reads"],
      reads: new Map([["staged_a", readKey(a)]]),
      files: new Map([["a", a]]),
      names,
    });
    expect(keep).toEqual(["staged_a", "badlines_a", "staged_a_lines"]);
  });

  it("drops the tables of files re-read since, removed, still being read, or never recorded", () => {
    const keep = tablesToKeep({
      tables: ["staged_reread", "staged_gone", "staged_reading", "staged_unrecorded", "badlines_reread", "staged_reread_lines"],
      reads: new Map([
        ["staged_reread", readKey(file(1))],
        ["staged_gone", readKey(file(1))],
        ["staged_reading", readKey(file(1, csv, "reading"))],
      ]),
      files: new Map([
        ["reread", file(2)],
        ["reading", file(1, csv, "reading")],
        ["unrecorded", file(1)],
      ]),
      names,
    });
    expect(keep).toEqual([]);
  });

  it("keeps nothing for a file whose table is not in the database", () => {
    expect(tablesToKeep({ tables: [], reads: new Map([["staged_a", readKey(file(1))]]), files: new Map([["a", file(1)]]), names })).toEqual([]);
  });
});
