// The "bare DuckDB-WASM" reference, bundled by bench/bare.mjs into a page of its
// own: the same DuckDB worker and wasm files the app ships, without the app.
// Each variant reads the same File into a table, one cost added at a time, so
// the gap between a bare read and the app's staging can be attributed:
//   memory:     CREATE TABLE AS read_csv(file) into an in-memory database;
//   compressed: the same into an in-memory database that compresses its
//               tables as a database file does (ATTACH ':memory:' (COMPRESS));
//               a file the app stores otherwise (uncompressed, or without FSST:
//               workers/engine/csv/storage.ts) is stored so here and in every
//               variant after this one;
//   opfs:       the same into a database file in OPFS (as the app's engine);
//   options:    the same with the app's own read_csv call (dialect given, rejects
//               kept, 32 MB line limit) from lib/csv/read-sql.ts;
//   contention: that, while the file is checksummed (SHA-256, hash-wasm) and
//               copied into IndexedDB at the same time, as staging does.
// It also runs the yardstick (bench/yardstick.ts): each step of the flow as the
// SQL the engine runs for it, in an in-memory database.
import { AsyncDuckDB, DuckDBAccessMode, DuckDBDataProtocol, VoidLogger } from "@duckdb/duckdb-wasm";
import { sha256 } from "../lib/hash";
import { removeOpfs } from "./opfs.mjs";
import { STORAGE_SETTINGS, storageFor } from "../workers/engine/csv/storage";
import { appReadCall, FLOWS, yardstickSteps } from "./yardstick";

async function openDuck(workerUrl, wasmUrl, path) {
  const worker = new Worker(workerUrl);
  const db = new AsyncDuckDB(new VoidLogger(), worker);
  await db.instantiate(wasmUrl);
  await db.open(path ? { path, accessMode: DuckDBAccessMode.READ_WRITE } : {});
  const conn = await db.connect();
  if (path) await conn.query("SET memory_limit = '2GB'");
  return { db, conn, close: async () => (await db.terminate(), worker.terminate()) };
}

async function checksumAndStore(file) {
  const hasher = await sha256();
  const reader = file.stream().getReader();
  for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) hasher.update(chunk.value);
  hasher.hex();
  const idb = await new Promise((resolve, reject) => {
    const open = indexedDB.open(`bare-${crypto.randomUUID()}`, 1);
    open.onupgradeneeded = () => open.result.createObjectStore("blobs");
    open.onsuccess = () => resolve(open.result);
    open.onerror = () => reject(open.error);
  });
  await new Promise((resolve, reject) => {
    const tx = idb.transaction("blobs", "readwrite");
    tx.objectStore("blobs").put(file, "file");
    tx.oncomplete = resolve;
    tx.onerror = () => reject(tx.error);
  });
  const name = idb.name;
  idb.close();
  indexedDB.deleteDatabase(name);
}

/** Time one variant; resolves with seconds and the row count read. */
async function timeVariant(variant, file, workerUrl, wasmUrl) {
  const dbName = `bare-${crypto.randomUUID()}.db`;
  const inMemory = variant === "memory" || variant === "compressed";
  const duck = await openDuck(workerUrl, wasmUrl, inMemory ? null : `opfs://${dbName}`);
  try {
    await duck.db.registerFileHandle("bench.csv", file, DuckDBDataProtocol.BROWSER_FILEREADER, true);
    const read =
      inMemory || variant === "opfs"
        ? "read_csv('bench.csv')"
        : appReadCall("bench.csv");
    if (variant === "compressed") await duck.conn.query("ATTACH ':memory:' AS compressed (COMPRESS); USE compressed");
    const storage = storageFor(file.size);
    if (variant !== "memory" && storage !== "compressed") await duck.conn.query(STORAGE_SETTINGS[storage].set);
    const t0 = performance.now();
    const reading = duck.conn.query(`CREATE TABLE t AS SELECT * FROM ${read}`);
    if (variant === "contention") await checksumAndStore(file);
    await reading;
    const seconds = (performance.now() - t0) / 1000;
    const rows = Number((await duck.conn.query("SELECT count(*)::INT AS n FROM t")).getChild("n").get(0));
    return { seconds, rows };
  } finally {
    await duck.close();
    if (!inMemory) await removeOpfs(dbName);
  }
}

window.bareDuckdb = async ({ fileUrl, fileName, workerUrl, wasmUrl, variants }) => {
  const file = new File([await (await fetch(fileUrl)).blob()], fileName, { type: "text/csv" });
  const out = {};
  for (const variant of variants) {
    out[variant] = await timeVariant(variant, file, workerUrl, wasmUrl).catch((error) => ({ error: String(error?.message ?? error).split("\n")[0] }));
  }
  return out;
};

/**
 * The yardstick's steps in an in-memory database; or, with `inOpfs` (a file too big for DuckDB-WASM's memory),
 * in a database file in OPFS, the download written to an OPFS file, as the app's engine has them.
 */
window.bareYardstick = async ({ fileUrl, fileName, workerUrl, wasmUrl, shape, inOpfs }) => {
  const file = new File([await (await fetch(fileUrl)).blob()], fileName, { type: "text/csv" });
  const dbName = `bare-yardstick-${crypto.randomUUID()}.db`;
  const duck = await openDuck(workerUrl, wasmUrl, inOpfs ? `opfs://${dbName}` : null);
  const download = inOpfs ? `opfs://${dbName}.download.csv` : "download.csv";
  const seconds = {};
  try {
    await duck.db.registerFileHandle("bench.csv", file, DuckDBDataProtocol.BROWSER_FILEREADER, true);
    if (inOpfs) await duck.db.registerOPFSFileName(download);
    else await duck.db.registerEmptyFileBuffer(download);
    const sql = { run: async (text) => (await duck.conn.query(text)).toArray().map((row) => row.toJSON()) };
    // No Parquet writer in DuckDB-WASM offline: its promotion is the recipe run alone.
    for (const step of yardstickSteps("bench.csv", download, false, FLOWS[shape])) {
      const t0 = performance.now();
      await step.run(sql);
      seconds[step.name] = (performance.now() - t0) / 1000;
    }
    return seconds;
  } finally {
    await duck.close();
    if (inOpfs) {
      await removeOpfs(dbName);
      await (await navigator.storage.getDirectory()).removeEntry(`${dbName}.download.csv`).catch(() => undefined);
    }
  }
};
