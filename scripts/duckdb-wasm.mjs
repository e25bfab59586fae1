// The static build's copy of DuckDB-WASM, made quicker to start, run by `npm run build` before the
// service worker lists the build's files (its version is made of their contents):
// - its worker script hands the fetched wasm response itself to the browser's compiler, so that the
//   browser can keep the compiled code for the next visit (lib/engine/duckdb-worker-script.ts);
// - its module drops the exports that nothing can reach (lib/engine/duckdb-wasm-exports.ts).
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { importLib } from "./import-lib.mjs";

const media = join(process.argv[2] ?? "out", "_next/static/media");

const { keepUsedExports } = await importLib("lib/engine/duckdb-wasm-exports.ts");
const { compileFromFetchedResponse } = await importLib("lib/engine/duckdb-worker-script.ts");

function theOne(pattern) {
  const found = readdirSync(media).filter((name) => pattern.test(name));
  if (found.length !== 1) throw new Error(`Expected one file like ${pattern} in ${media}, found ${found.length}.`);
  return join(media, found[0]);
}

function orThrow(result) {
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

const workerFile = theOne(/^duckdb-browser-eh\.worker\..+\.js$/);
const worker = orThrow(compileFromFetchedResponse(readFileSync(workerFile, "utf8")));
writeFileSync(workerFile, worker);
console.log(`DuckDB-WASM's worker script compiles the fetched wasm response itself: ${workerFile}`);

const wasmFile = theOne(/^duckdb-eh\..+\.wasm$/);
const { module, kept, total } = orThrow(keepUsedExports(new Uint8Array(readFileSync(wasmFile)), worker));
writeFileSync(wasmFile, module);
console.log(`DuckDB-WASM's module keeps ${kept.length} of its ${total} exports (${(module.length / 1e6).toFixed(1)} MB): ${wasmFile}`);
