// Builds the embed demo host page (.embed-demo/) from README.md's example ("Embed in your app"): the page the
// end-to-end tests serve on another origin, with Stages' address taken from `?stages=` in place of
// the README's placeholder, and the client (embed/client.ts) bundled beside it.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { build } from "rolldown";

const root = fileURLToPath(new URL("..", import.meta.url));
const out = `${root}.embed-demo`;
const readme = readFileSync(`${root}README.md`, "utf8");
const example = /## Embed in your app[\s\S]*?```html\n([\s\S]*?)```/.exec(readme)?.[1];
if (!example) throw new Error("README.md's section Embed in your app has no html example");
const placeholder = '"https://stages.example.org/embed"';
if (!example.includes(placeholder)) throw new Error(`The example does not name ${placeholder}`);

rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
await build({ input: `${root}embed/client.ts`, platform: "browser", resolve: { alias: { "@": root.replace(/\/$/, "") } }, output: { file: `${out}/client.js`, format: "esm", minify: true }, logLevel: "silent" });
const page = example.replace(placeholder, 'new URLSearchParams(location.search).get("stages") + "/embed"');
writeFileSync(`${out}/index.html`, `<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><title>Embed demo</title></head><body>\n<h1>A host page</h1>\n${page}</body></html>\n`);
console.log(`Embed demo written to ${out}`);
