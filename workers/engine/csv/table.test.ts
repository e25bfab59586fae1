import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { wasmCsvEngine } from "@/test/duckdb-wasm-node";
import type { CsvReadPlan } from "@/lib/csv/read-sql";
import { createTable, UNCOMPRESSED_UP_TO_BYTES } from "./table";

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
  it("keeps a small file's table uncompressed, with its rows and types", async () => {
    await createTable(engine, "small", plan("small_rejects"), 2, ["id", "status"], UNCOMPRESSED_UP_TO_BYTES);
    expect(await compressions("small", "status")).toEqual(["Uncompressed"]);
    expect(await engine.rows("SELECT count(*)::INT AS n, count(DISTINCT status)::INT AS s FROM small")).toEqual([{ n: 200_000, s: 3 }]);
    expect((await engine.rows("DESCRIBE small")).map((c) => `${c.column_name}:${c.column_type}`)).toEqual(["id:BIGINT", "status:VARCHAR"]);
  });

  it("compresses a big file's table", async () => {
    await createTable(engine, "big", plan("big_rejects"), 2, ["id", "status"], UNCOMPRESSED_UP_TO_BYTES + 1);
    expect(await compressions("big", "status")).not.toContain("Uncompressed");
  });
});
