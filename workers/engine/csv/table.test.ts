import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { wasmCsvEngine } from "@/test/duckdb-wasm-node";
import type { CsvReadPlan } from "@/lib/csv/read-sql";
import { createTable } from "./table";

const MB = 1024 * 1024;

let engine: Awaited<ReturnType<typeof wasmCsvEngine>>;
beforeAll(async () => {
  engine = await wasmCsvEngine();
  // An in-memory database compresses nothing unless asked: this one compresses as the app's database file does.
  await engine.rows("ATTACH ':memory:' AS stored (COMPRESS)");
  await engine.rows("USE stored");
  const lines = Array.from({ length: 200_000 }, (_, i) => `${i},${["open", "paid", "shipped"][i % 3]}`);
  await engine.register("orders.csv", new Blob([`id,status\n${lines.join("\n")}\n`]));
});
afterAll(() => engine.close());

const plan = (rejects: string): CsvReadPlan => ({
  path: "orders.csv", dialect: { delimiter: ",", quote: '"', escape: '"' }, header: true, strict: true, sniff: true, types: {}, rejects, maxLineBytes: 1 << 20,
});

async function compressions(table: string, column: string): Promise<string[]> {
  await engine.rows("CHECKPOINT stored");
  const rows = await engine.rows(`SELECT DISTINCT compression FROM pragma_storage_info('${table}') WHERE column_name = '${column}' AND segment_type = 'VARCHAR'`);
  return rows.map((r) => String(r.compression)).sort();
}

describe("createTable", () => {
  it("keeps the table of a file of 16 to 256 MB uncompressed, with its rows and types", async () => {
    await createTable(engine, "mid", plan("mid_rejects"), 2, ["id", "status"], 100 * MB);
    expect(await compressions("mid", "status")).toEqual(["Uncompressed"]);
    expect(await engine.rows("SELECT count(*)::INT AS n, count(DISTINCT status)::INT AS s FROM mid")).toEqual([{ n: 200_000, s: 3 }]);
    expect((await engine.rows("DESCRIBE mid")).map((c) => `${c.column_name}:${c.column_type}`)).toEqual(["id:BIGINT", "status:VARCHAR"]);
  });

  it("compresses the table of a smaller or a bigger file", async () => {
    for (const [table, bytes] of [["small", 10 * MB], ["big", 300 * MB]] as const) {
      await createTable(engine, table, plan(`${table}_rejects`), 2, ["id", "status"], bytes);
      expect(await compressions(table, "status")).not.toContain("Uncompressed");
    }
  });
});
