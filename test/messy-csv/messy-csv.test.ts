import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freshDuckDb } from "@/test/duckdb-node";
import { parseOptionsSchema } from "@/lib/staging/parse-options";
import { wasmReadEngine } from "@/test/duckdb-wasm-node";
import type { CsvEngine } from "@/workers/engine/csv/engine";
import { readCsv } from "@/workers/engine/csv/read";
import { line, orders, wide, type CleanTable } from "./clean";
import { variants, type Variant } from "./pollute";
import { writeReport, type Outcome } from "./report";
import { score } from "./score";

/**
 * Every polluted variant of the clean tables goes through the app's own CSV
 * read path (on DuckDB-WASM, the engine the browser runs) and is scored
 * against the clean file read the same way; native DuckDB's most lenient
 * auto-detection is scored beside it. The targets of issue #26 are asserted.
 */
let engine: CsvEngine;
let native: Awaited<ReturnType<typeof freshDuckDb>>;
const dir = mkdtempSync(join(tmpdir(), "messy-csv-"));
const outcomes: Outcome[] = [];

const textSelect = async (rows: (sql: string) => Promise<Record<string, unknown>[]>, source: string) => {
  const names = (await rows(`DESCRIBE SELECT * FROM ${source}`)).map((d) => String(d.column_name));
  const list = names.map((n, i) => `CAST("${n.replaceAll('"', '""')}" AS VARCHAR) AS c${i}`).join(", ");
  const data = await rows(`SELECT ${list || "1"} FROM ${source}`);
  return { header: names, rows: data.map((r) => names.map((_, i) => (r[`c${i}`] ?? null) as string | null)) };
};

let n = 0;
async function stages(text: string) {
  const table = `m${n++}`;
  const read = await readCsv(engine, new Blob([text]), parseOptionsSchema.parse({ format: "csv" }), table, `v${n}.csv`);
  const got = await textSelect(engine.rows, table);
  await engine.rows(`DROP TABLE ${table}`);
  return { read, got };
}

async function duckdb(text: string) {
  const path = join(dir, `v${n++}.csv`);
  writeFileSync(path, text);
  try {
    return await textSelect(native.rows, `read_csv('${path}', strict_mode = false, ignore_errors = true, null_padding = true)`);
  } catch {
    return null;
  }
}

beforeAll(async () => {
  engine = await wasmReadEngine();
  native = await freshDuckDb();
});

afterAll(() => writeReport(outcomes, process.env.STAGES_WRITE_DOCS ? "docs/MESSY-CSV.md" : ".reports/MESSY-CSV.md"));

describe.each([orders(), wide()])("messy variants of $name", (clean: CleanTable) => {
  let want: { header: string[]; rows: (string | null)[][] };
  beforeAll(async () => {
    want = (await stages([line(clean.header), ...clean.rows.map((r) => line(r))].join("\n") + "\n")).got;
  });

  it.each(variants(clean).map((v) => [`${v.kind} (${v.where})`, v] as const))("%s", async (_, variant: Variant) => {
    const reference = variant.noHeader ? { header: want.header.map((_, i) => `column${i}`), rows: want.rows } : want;
    const { read, got } = await stages(variant.text);
    const theirs = await duckdb(variant.text);
    const outcome: Outcome = {
      variant,
      stages: score(got, reference),
      duckdb: theirs ? score(theirs, reference) : null,
      balanced: read.lines.balanced,
      setAside: read.lines.setAside,
      repaired: read.lines.repaired,
    };
    outcomes.push(outcome);
    expect(read.lines, "every line accounted for").toMatchObject({ balanced: true });
  });
});

describe("targets over the corpus", () => {
  it("scores at least 0.99 mean record and cell F1, and at least DuckDB's lenient auto-detection per kind", () => {
    expect(outcomes.length).toBeGreaterThanOrEqual(120);
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    expect(mean(outcomes.map((o) => o.stages.record))).toBeGreaterThanOrEqual(0.99);
    expect(mean(outcomes.map((o) => o.stages.cell))).toBeGreaterThanOrEqual(0.99);
    const kinds = [...new Set(outcomes.map((o) => o.variant.kind))];
    for (const kind of kinds) {
      const of = outcomes.filter((o) => o.variant.kind === kind);
      for (const measure of ["record", "cell"] as const) {
        const ours = mean(of.map((o) => o.stages[measure]));
        const theirs = mean(of.map((o) => o.duckdb?.[measure] ?? 0));
        expect(ours, `${kind}: ${measure} F1`).toBeGreaterThanOrEqual(theirs - 1e-9);
      }
    }
  });
});
