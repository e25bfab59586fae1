// Writes the service worker (`sw.js`) into the static build: workers/service-worker.ts, bundled,
// with the build's own file list and a version made of their contents (so any change of any file
// makes a new cache). Run by `npm run build` after the CSP is written into the pages.
import { createHash } from "node:crypto";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "rolldown";
import { importLib } from "./import-lib.mjs";

const root = fileURLToPath(new URL("..", import.meta.url));
const outDir = process.argv[2] ?? "out";
const basePath = process.env.STAGES_BASE_PATH ?? "";

const walk = (dir) => readdirSync(dir).filter((name) => name !== "bench-data").flatMap((name) => (statSync(join(dir, name)).isDirectory() ? walk(join(dir, name)) : [join(dir, name)]));
const files = walk(outDir).map((file) => relative(outDir, file).split("\\").join("/"));

// The list comes from the same pure function the unit tests cover (lib/offline/precache.ts).
const { precacheList } = await importLib("lib/offline/precache.ts");
const list = precacheList(files, basePath);
const paths = list.map((entry) => entry.path);
const hash = createHash("sha256");
for (const { file, path } of list) hash.update(path).update(readFileSync(join(outDir, file)));
const version = hash.digest("hex").slice(0, 16);

await build({
  input: `${root}workers/service-worker.ts`,
  platform: "browser",
  resolve: { alias: { "@": root.replace(/\/$/, "") } },
  output: { file: join(outDir, "sw.js"), format: "iife", minify: true, banner: `const STAGES_BUILD = ${JSON.stringify({ version, paths })};` },
  logLevel: "silent",
});
const bytes = list.reduce((sum, { file }) => sum + statSync(join(outDir, file)).size, 0);
console.log(`Service worker written to ${outDir}/sw.js: ${paths.length} files (${(bytes / 1e6).toFixed(1)} MB) kept offline, build ${version}`);
