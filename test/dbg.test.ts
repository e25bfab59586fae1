import { it } from "vitest";
import { parseOptionsSchema } from "@/lib/staging/parse-options";
import { wasmCsvEngine } from "@/test/duckdb-wasm-node";
import { readCsv } from "@/workers/engine/csv/read";
import { orders, wide } from "./messy-csv/clean";
import { variants } from "./messy-csv/pollute";
it("dbg", async () => {
  const engine = await wasmCsvEngine();
  const pick = (process.env.K ?? "").split("|");
  const vs = [...variants(orders()), ...variants(wide())].filter((v) => v.kind === pick[0] && v.where === pick[1] && v.table === pick[2]);
  for (const v of vs) {
    const r = await readCsv(engine, new Blob([v.text]), parseOptionsSchema.parse({ format: "csv" }), "t", "f.csv");
    console.log(v.kind, v.where, JSON.stringify({ ...r.options, notes: r.notes.slice(0, 5), lines: r.lines, tf: r.typeFindings }).slice(0, 1500));
    console.log(JSON.stringify(await engine.rows("DESCRIBE t")).slice(0, 600));
  }
});
