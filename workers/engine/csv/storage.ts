import type { CsvEngine } from "./engine";

/**
 * How a CSV read stores its table in the database file, by the file's size.
 *
 * Text of 16 to 256 MB is stored uncompressed. Choosing and applying DuckDB's
 * compression (dictionary, FSST, bit packing, ALP) takes about a fifth of a
 * read into the database file, and compressed text is decompressed at every
 * read after; the table then holds about the text's size in DuckDB's 2 GB
 * buffer pool instead of a fifth of it, which a bigger file cannot afford. A
 * smaller table is written at a later checkpoint, not as it is read, and the
 * checkpoint costs it more than compressing (see docs/SPEED.md).
 *
 * Text of 256 MB to 1 GB is compressed without FSST (text by dictionary
 * only). In a bare DuckDB-WASM, the 1 GB file went into an OPFS database in
 * 15.0-15.8 s against 16.2-17.0 s (three alternating pairs), and one scan of
 * its columns took 0.39 s against 0.55 s, FSST text being decoded at every
 * read; the table is bigger (366 MB against 212 MB). In the app, alternating
 * runs at 1 GB staged the file in 18.9-20.2 s against 21.4-21.6 s and ran
 * the whole flow in 59.1-60.6 s against 64.3-64.6 s. At 2 GB the bigger
 * blocks took the flow's memory peak from 1.85 to 2.08 GiB, over the 2 GiB
 * the flow must keep to, so a bigger file is compressed as DuckDB chooses.
 */
export type Storage = "compressed" | "uncompressed" | "without FSST";

const MB = 1024 * 1024;

export function storageFor(bytes: number): Storage {
  if (bytes < 16 * MB || bytes > 1024 * MB) return "compressed";
  return bytes <= 256 * MB ? "uncompressed" : "without FSST";
}

/** The database setting a read holds while it writes its table, and how it is put back. */
export const STORAGE_SETTINGS: Record<Exclude<Storage, "compressed">, { set: string; reset: string }> = {
  uncompressed: { set: "SET GLOBAL force_compression = 'uncompressed'", reset: "RESET GLOBAL force_compression" },
  "without FSST": { set: "SET GLOBAL disabled_compression_methods = 'fsst,dict_fsst'", reset: "RESET GLOBAL disabled_compression_methods" },
};

/**
 * Compression is a setting of the whole database, not of a statement: it holds
 * while any read that asks for it runs (reads of several files may overlap),
 * and what other statements write meanwhile is stored that way too. Declaring
 * each column's compression instead needs the columns' types first: a second
 * sniff of the file, 0.1 to 0.2 s at 100 MB.
 */
const holding: Record<keyof typeof STORAGE_SETTINGS, number> = { uncompressed: 0, "without FSST": 0 };

/** Run `work` (a read into a table) storing what it writes as `storage` says. */
export async function writingAs(engine: Pick<CsvEngine, "rows">, storage: Storage, work: () => Promise<unknown>): Promise<void> {
  if (storage === "compressed") {
    await work();
    return;
  }
  const setting = STORAGE_SETTINGS[storage];
  if (holding[storage]++ === 0) await engine.rows(setting.set);
  try {
    await work();
    // Full row groups (122,880 rows) were written as they were read; the rest, or a table of fewer rows (long values), is written now.
    // A checkpoint refused (another statement writing) leaves it to a later one, which compresses it as DuckDB chooses: slower to read, still right.
    await engine.rows("CHECKPOINT").catch(() => undefined);
  } finally {
    if (--holding[storage] === 0) await engine.rows(setting.reset);
  }
}
