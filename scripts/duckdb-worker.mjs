// Applies lib/engine/duckdb-worker-patch.ts to the copy of DuckDB-WASM's worker script in the static
// build, so that instantiating DuckDB skips linking work nothing uses. Run by `npm run build` before
// the service worker lists the build's files (its version is made of their contents).
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "rolldown";

const root = fileURLToPath(new URL("..", import.meta.url));
const media = join(process.argv[2] ?? "out", "_next/static/media");

const scratch = mkdtempSync(join(tmpdir(), "stages-duckdb-worker-"));
await build({ input: `${root}lib/engine/duckdb-worker-patch.ts`, platform: "node", resolve: { alias: { "@": root.replace(/\/$/, "") } }, output: { file: join(scratch, "patch.mjs"), format: "esm" }, logLevel: "silent" });
const { patchDuckDbWorker, DUCKDB_WORKER_EDITS } = await import(join(scratch, "patch.mjs"));
rmSync(scratch, { recursive: true, force: true });

const scripts = readdirSync(media).filter((name) => /^duckdb-browser-eh\.worker\..+\.js$/.test(name));
if (scripts.length !== 1) throw new Error(`Expected one DuckDB-WASM worker script in ${media}, found ${scripts.length}.`);
const file = join(media, scripts[0]);
const result = patchDuckDbWorker(readFileSync(file, "utf8"));
if (!result.ok) throw new Error(result.error.message);
writeFileSync(file, result.value);
console.log(`DuckDB-WASM's worker script patched (${DUCKDB_WORKER_EDITS.map((e) => e.what).join("; ")}): ${file}`);
