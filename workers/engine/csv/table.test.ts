import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { wasmReadEngine } from "@/test/duckdb-wasm-node";
import type { CsvReadPlan } from "@/lib/csv/read-sql";
import type { CsvEngine } from "./engine";
import { createTable } from "./table";

const MB = 1024 * 1024;

let engine: Awaited<ReturnType<typeof wasmReadEngine>>;
let dir: string;
let defaultCompression: unknown;
beforeAll(async () => {
  engine = await wasmReadEngine();
  // A database file, as the app's: a table of more than one row group is written (and compressed, or not) as it is read.
  dir = mkdtempSync(join(tmpdir(), "stages-table-"));
  await engine.rows(`ATTACH '${join(dir, "stored.db")}' AS stored`);
  await engine.rows("USE stored");
  const lines = Array.from({ length: 200_000 }, (_, i) => `${i},${["open", "paid", "shipped"][i % 3]}`);
  await engine.register("orders.csv", new Blob([`id,status\n${lines.join("\n")}\n`]));
  await engine.register("names.csv", new Blob([`id,name\n${Array.from({ length: 200_000 }, (_, i) => `${i},customer ${i} of the northern sales region`).join("\n")}\n`]));
  await engine.register("notes.csv", new Blob([`id,note\n${lines.slice(0, 1000).map((l) => `${l} ${"note ".repeat(50)}`).join("\n")}\n`]));
  defaultCompression = await compressionSetting();
});
afterAll(() => {
  engine.close();
  rmSync(dir, { recursive: true, force: true });
});

const plan = (rejects: string, path = "orders.csv"): CsvReadPlan => ({
  path, dialect: { delimiter: ",", quote: '"', escape: '"' }, header: true, strict: true, sniff: true, types: {}, rejects, maxLineBytes: 1 << 20,
});

async function compressions(table: string, column: string): Promise<string[]> {
  await engine.rows("CHECKPOINT stored");
  const rows = await engine.rows(`SELECT DISTINCT compression FROM pragma_storage_info('${table}') WHERE column_name = '${column}' AND segment_type = 'VARCHAR'`);
  return rows.map((r) => String(r.compression)).sort();
}

const compressionSetting = async () => (await engine.rows("SELECT current_setting('force_compression') AS c"))[0]?.c;
const disabledMethods = async () => (await engine.rows("SELECT current_setting('disabled_compression_methods') AS c"))[0]?.c;

describe("createTable", () => {
  it("keeps the table of a file of 16 to 256 MB uncompressed, with its rows and types, and the setting as it was after", async () => {
    await createTable(engine, "mid", plan("mid_rejects"), 2, ["id", "status"], 100 * MB);
    expect(await compressions("mid", "status")).toEqual(["Uncompressed"]);
    expect(await engine.rows("SELECT count(*)::INT AS n, count(DISTINCT status)::INT AS s FROM mid")).toEqual([{ n: 200_000, s: 3 }]);
    expect((await engine.rows("DESCRIBE mid")).map((c) => `${c.column_name}:${c.column_type}`)).toEqual(["id:BIGINT", "status:VARCHAR"]);
    expect(await compressionSetting()).toEqual(defaultCompression);
  });

  it("keeps a table of less than one row group uncompressed too (a file of long values)", async () => {
    await createTable(engine, "few", plan("few_rejects", "notes.csv"), 2, ["id", "note"], 100 * MB);
    expect(await compressions("few", "note")).toEqual(["Uncompressed"]);
    expect(await engine.rows("SELECT count(*)::INT AS n FROM few")).toEqual([{ n: 1000 }]);
  });

  it("compresses the table of a smaller or a bigger file", async () => {
    for (const [table, bytes] of [["small", 10 * MB], ["big", 300 * MB], ["huge", 2048 * MB]] as const) {
      await createTable(engine, table, plan(`${table}_rejects`), 2, ["id", "status"], bytes);
      expect(await compressions(table, "status")).not.toContain("Uncompressed");
    }
  });

  it("compresses the text of a file of 256 MB to 1 GB without FSST, and of a bigger one as DuckDB chooses", async () => {
    const before = await disabledMethods();
    await createTable(engine, "named", plan("named_rejects", "names.csv"), 2, ["id", "name"], 300 * MB);
    expect(await compressions("named", "name")).not.toContain("FSST");
    expect(await disabledMethods()).toEqual(before);
    await createTable(engine, "named_huge", plan("named_huge_rejects", "names.csv"), 2, ["id", "name"], 2048 * MB);
    expect(await compressions("named_huge", "name")).toContain("FSST");
    expect(await engine.rows("SELECT count(*)::INT AS n FROM named")).toEqual([{ n: 200_000 }]);
  });

  it("keeps compression off until the last of overlapping reads ends", async () => {
    // The first read's table is written only once the second read has ended.
    let secondEnded!: () => void;
    const ended = new Promise<void>((resolve) => (secondEnded = resolve));
    const late: CsvEngine = { ...engine, rows: async (sql) => (sql.startsWith("CREATE OR REPLACE TABLE") && (await ended), engine.rows(sql)) };
    await Promise.all([
      createTable(late, "one", plan("one_rejects"), 2, ["id", "status"], 100 * MB),
      createTable(engine, "two", plan("two_rejects"), 2, ["id", "status"], 100 * MB).then(secondEnded),
    ]);
    expect(await compressions("one", "status")).toEqual(["Uncompressed"]);
    expect(await compressions("two", "status")).toEqual(["Uncompressed"]);
    expect(await compressionSetting()).toEqual(defaultCompression);
  });

  it("turns compression back on when a read fails", async () => {
    await expect(createTable(engine, "none", plan("none_rejects", "missing.csv"), 2, ["id", "status"], 100 * MB)).rejects.toThrow();
    expect(await compressionSetting()).toEqual(defaultCompression);
  });
});
