// Drops the exports of the static build's copy of DuckDB-WASM's module that nothing can reach
// (lib/engine/duckdb-wasm-exports.ts), so that instantiating it is quicker. Run by `npm run build`
// before the service worker lists the build's files (its version is made of their contents).
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "rolldown";

const root = fileURLToPath(new URL("..", import.meta.url));
const media = join(process.argv[2] ?? "out", "_next/static/media");

const scratch = mkdtempSync(join(tmpdir(), "stages-duckdb-wasm-"));
await build({ input: `${root}lib/engine/duckdb-wasm-exports.ts`, platform: "node", resolve: { alias: { "@": root.replace(/\/$/, "") } }, output: { file: join(scratch, "exports.mjs"), format: "esm" }, logLevel: "silent" });
const { keepUsedExports } = await import(join(scratch, "exports.mjs"));
rmSync(scratch, { recursive: true, force: true });

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
