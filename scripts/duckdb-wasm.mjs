// Drops the exports of the static build's copy of DuckDB-WASM's module that nothing can reach
// (lib/engine/duckdb-wasm-exports.ts), so that instantiating it is quicker. Run by `npm run build`
// before the service worker lists the build's files (its version is made of their contents).
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { importLib } from "./import-lib.mjs";

const media = join(process.argv[2] ?? "out", "_next/static/media");

const { keepUsedExports } = await importLib("lib/engine/duckdb-wasm-exports.ts");

function theOne(pattern) {
  const found = readdirSync(media).filter((name) => pattern.test(name));
  if (found.length !== 1) throw new Error(`Expected one file like ${pattern} in ${media}, found ${found.length}.`);
  return join(media, found[0]);
}

const worker = readFileSync(theOne(/^duckdb-browser-eh\.worker\..+\.js$/), "utf8");
const wasmFile = theOne(/^duckdb-eh\..+\.wasm$/);
const result = keepUsedExports(new Uint8Array(readFileSync(wasmFile)), worker);
if (!result.ok) throw new Error(result.error.message);
const { module, kept, total } = result.value;
writeFileSync(wasmFile, module);
console.log(`DuckDB-WASM's module keeps ${kept.length} of its ${total} exports (${(module.length / 1e6).toFixed(1)} MB): ${wasmFile}`);
