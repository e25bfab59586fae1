// DuckDB-WASM's threaded bundle ("coi") beside the one the app ships ("eh"),
// bundled by bench/threads.mjs into a page served cross-origin isolated. Each
// variant reads the same CSV into a table and says how long it took, or the
// error DuckDB-WASM gave: which of the app's paths the threaded bundle can take.
import { AsyncDuckDB, DuckDBAccessMode, DuckDBDataProtocol, VoidLogger } from "@duckdb/duckdb-wasm";
import { removeOpfs } from "./opfs.mjs";

async function openDuck(bundle, threads, path) {
  const worker = new Worker(bundle.worker);
  const db = new AsyncDuckDB(new VoidLogger(), worker);
  await db.instantiate(bundle.wasm, bundle.pthread);
  await db.open({ maximumThreads: threads, ...(path ? { path, accessMode: DuckDBAccessMode.READ_WRITE } : {}) });
  const conn = await db.connect();
  const [row] = (await conn.query("SELECT current_setting('threads') AS t")).toArray();
  return { db, conn, threads: Number(row.t), close: async () => (await db.terminate(), worker.terminate()) };
}

/** How the file reaches DuckDB: a registered File (as the app stages), or its bytes copied into DuckDB's heap. */
async function register(db, how, file) {
  if (how === "file") await db.registerFileHandle("bench.csv", file, DuckDBDataProtocol.BROWSER_FILEREADER, true);
  else await db.registerFileBuffer("bench.csv", new Uint8Array(await file.arrayBuffer()));
}

async function timeVariant({ bundle, threads, how, database }, file, bundles) {
  const dbName = `threads-${crypto.randomUUID()}.db`;
  const opfs = database === "opfs";
  let duck = null;
  try {
    duck = await openDuck(bundles[bundle], threads, opfs ? `opfs://${dbName}` : null);
    await register(duck.db, how, file);
    const t0 = performance.now();
    await duck.conn.query("CREATE TABLE t AS SELECT * FROM read_csv('bench.csv')");
    const seconds = (performance.now() - t0) / 1000;
    const [row] = (await duck.conn.query("SELECT count(*)::INT AS n FROM t")).toArray();
    return { seconds, rows: Number(row.n), threads: duck.threads };
  } catch (error) {
    return { error: String(error?.message ?? error).split("\n")[0] };
  } finally {
    await duck?.close().catch(() => undefined);
    if (opfs) await removeOpfs(dbName);
  }
}

window.threadsBench = async ({ fileUrl, bundles, variant }) => {
  const file = new File([await (await fetch(fileUrl)).blob()], "bench.csv", { type: "text/csv" });
  return { isolated: crossOriginIsolated, ...(await timeVariant(variant, file, bundles)) };
};
