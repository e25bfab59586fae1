import { beforeAll, describe, expect, it } from "vitest";
import { parseOptionsSchema } from "@/lib/staging/parse-options";
import { wasmReadEngine } from "@/test/duckdb-wasm-node";
import type { CsvEngine } from "./engine";
import { readCsv } from "./read";

/**
 * A value that does not fit its column's type among the first lines: DuckDB's
 * sniffer read the column as text and nothing was said, where the same value
 * further down was found and offered a rule (read.test.ts).
 */
let engine: CsvEngine;
beforeAll(async () => {
  engine = await wasmReadEngine();
});

let n = 0;
const read = (text: string) => readCsv(engine, new Blob([text]), parseOptionsSchema.parse({ format: "csv" }), `near${n++}`, `near${n}.csv`);

describe("a column of numbers or dates but for a value among the first lines", () => {
  it("is found with the value and its line, and the type it nearly is", async () => {
    const rows = Array.from({ length: 40 }, (_, i) => `${i};${i === 2 ? "abc" : `${i},50`};2026-11-${String((i % 28) + 1).padStart(2, "0")}`);
    const result = await read(`id;amount;day\n${rows.join("\n")}\n`);
    expect(result.typeFindings).toEqual([{ column: "amount", type: "DOUBLE", values: [{ line: 4, value: "abc" }], decimalChar: "," }]);
  });

  it("counts lines past blank lines and values over two lines", async () => {
    const text = 'id,n,note\n1,10,a\n\n2,11,"two\nlines"\n3,1O,c\n4,13,d\n5,14,e\n';
    expect((await read(text)).typeFindings).toEqual([{ column: "n", type: "BIGINT", values: [{ line: 6, value: "1O" }] }]);
  });

  it("says nothing of a text column, nor of one with more odd values than a few", async () => {
    const rows = Array.from({ length: 40 }, (_, i) => `${i},${i % 3 ? i : `x${i}`},name ${i}`);
    expect((await read(`id,code,name\n${rows.join("\n")}\n`)).typeFindings).toEqual([]);
  });
});

describe("dates as people write them, one not a date", () => {
  it("is found past the first rows too, with the format its rule reads them by", async () => {
    const rows = Array.from({ length: 3000 }, (_, i) => `${i},${i === 2900 ? "30/02/2024" : `${(i % 28) + 1}/0${(i % 9) + 1}/2024`}`);
    const [finding] = (await read(`id,day\n${rows.join("\n")}\n`)).typeFindings;
    expect(finding).toEqual({ column: "day", type: "DATE", values: [{ line: 2902, value: "30/02/2024" }], format: "%d/%m/%Y" });
    // 3,000 rows read by DuckDB-WASM: past Vitest's 5 s when the machine is busy (a fresh clone's run, 2026-12-06).
  }, 30_000);
});

describe("amounts grouped by points with a decimal comma, one not a number", () => {
  it("is found, and its rule takes the grouping", async () => {
    const rows = Array.from({ length: 30 }, (_, i) => `${i};${i === 7 ? "k.A." : `${i + 1}.${String(i * 7).padStart(3, "0")},${i % 10}0`}`);
    const [finding] = (await read(`id;betrag\n${rows.join("\n")}\n`)).typeFindings;
    expect(finding).toEqual({ column: "betrag", type: "DOUBLE", values: [{ line: 9, value: "k.A." }], decimalChar: "," });
  });
});

describe("day-first dates DuckDB typed from its sample, one not a date past it", () => {
  it("is found with the format, so its rule does not reject every date", async () => {
    const rows = Array.from({ length: 30_000 }, (_, i) => `${i},${i === 25_000 ? "30/02/2024" : `${String((i % 28) + 1).padStart(2, "0")}/0${(i % 9) + 1}/2024`}`);
    expect((await read(`id,day\n${rows.join("\n")}\n`)).typeFindings).toEqual([{ column: "day", type: "DATE", values: [{ line: 25_002, value: "30/02/2024" }], format: "%d/%m/%Y" }]);
  }, 30_000);
});

describe("amounts written for people but for a word among them", () => {
  it("are found by the format they are written in, and read as numbers once the word is read as empty", async () => {
    const rows = Array.from({ length: 40 }, (_, i) => `A${i},${i === 22 ? "TBD" : i % 5 ? `"$${i},${String(i * 7).padStart(3, "0")}.50"` : `"($${i}.25)"`}`);
    const text = `account,amount\n${rows.join("\n")}\n`;
    const first = await read(text);
    expect(first.typeFindings).toEqual([{ column: "amount", type: "DOUBLE", values: [{ line: 24, value: "TBD" }], written: "1,234.56" }]);
    const again = await readCsv(engine, new Blob([text]), parseOptionsSchema.parse({ format: "csv", nullValues: ["TBD"] }), `near${n++}`, `near${n}.csv`);
    expect(again.typeFindings).toEqual([]);
    expect(again.options.numbers?.amount).toMatchObject({ format: "point", type: "DOUBLE", currency: "$" });
  });
});

describe("dates written two ways (two exports joined, one ISO, one day first)", () => {
  it("are found with both ways, the most's first, and the values not written that way with their lines", async () => {
    const rows = Array.from({ length: 3000 }, (_, i) => `${i},${i % 10 === 9 ? `${(i % 28) + 1}/${(i % 12) + 1}/2024` : `2024-0${(i % 9) + 1}-1${i % 10}`}`);
    const [finding] = (await read(`id,day\n${rows.join("\n")}\n`)).typeFindings;
    expect(finding).toMatchObject({ column: "day", type: "DATE", format: ["%Y-%m-%d", "%d/%m/%Y"], wayCounts: [2700, 300] });
    expect(finding!.values.slice(0, 2)).toEqual([
      { line: 11, value: "10/10/2024" },
      { line: 21, value: "20/8/2024" },
    ]);
  });
});

describe("a column of yes and no as words (Y/N)", () => {
  it("is found whole, with no value that does not fit, so that it can be converted to booleans (yes and no DuckDB reads as booleans)", async () => {
    const rows = Array.from({ length: 50 }, (_, i) => `${i},${i % 3 ? "Y" : "N"},${i % 4 ? "yes" : "no"}`);
    const read1 = await read(`id,active,agreed\n${rows.join("\n")}\n`);
    expect(read1.typeFindings).toEqual([{ column: "active", type: "BOOLEAN", values: [] }]);
  });
});
