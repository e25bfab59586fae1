// Edits the static build's copy of DuckDB-WASM so that instantiating it skips work nothing uses:
// the worker script's linking (lib/engine/duckdb-worker-patch.ts) and the module's unused exports
// (lib/engine/duckdb-wasm-exports.ts). Run by `npm run build` before the service worker lists the
// build's files (its version is made of their contents).
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "rolldown";

const root = fileURLToPath(new URL("..", import.meta.url));
const media = join(process.argv[2] ?? "out", "_next/static/media");

async function bundled(module) {
  const scratch = mkdtempSync(join(tmpdir(), "stages-duckdb-wasm-"));
  try {
    await build({ input: `${root}${module}`, platform: "node", resolve: { alias: { "@": root.replace(/\/$/, "") } }, output: { file: join(scratch, "m.mjs"), format: "esm" }, logLevel: "silent" });
    return await import(join(scratch, "m.mjs"));
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

function theOne(pattern) {
  const found = readdirSync(media).filter((name) => pattern.test(name));
  if (found.length !== 1) throw new Error(`Expected one file like ${pattern} in ${media}, found ${found.length}.`);
  return join(media, found[0]);
}

const { patchDuckDbWorker, DUCKDB_WORKER_EDITS } = await bundled("lib/engine/duckdb-worker-patch.ts");
const { keepUsedExports } = await bundled("lib/engine/duckdb-wasm-exports.ts");
const value = (result) => {
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
};

const workerFile = theOne(/^duckdb-browser-eh\.worker\..+\.js$/);
const worker = value(patchDuckDbWorker(readFileSync(workerFile, "utf8")));
writeFileSync(workerFile, worker);
console.log(`DuckDB-WASM's worker script edited (${DUCKDB_WORKER_EDITS.map((e) => e.what).join("; ")}): ${workerFile}`);

const wasmFile = theOne(/^duckdb-eh\..+\.wasm$/);
const { module, kept, total } = value(keepUsedExports(new Uint8Array(readFileSync(wasmFile)), worker));
writeFileSync(wasmFile, module);
console.log(`DuckDB-WASM's module keeps ${kept.length} of its ${total} exports (${(module.length / 1e6).toFixed(1)} MB): ${wasmFile}`);
