import { readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, normalize, relative } from "node:path";
import { describe, expect, it } from "vitest";

/**
 * The layout is the architecture (docs/ARCHITECTURE.md, "Folders"): this
 * reads every module's imports and fails when a folder reaches where it must
 * not. lib/ runs in Node without a browser; components/ reach the engine only
 * through browser/engine-client.ts; workers/ know nothing of the UI.
 */
const ROOT = join(__dirname, "..");
const CODE = /\.(ts|tsx|mjs)$/;

function files(dir: string): string[] {
  return readdirSync(join(ROOT, dir)).flatMap((name) => {
    const path = join(dir, name);
    return statSync(join(ROOT, path)).isDirectory() ? files(path) : CODE.test(name) ? [path] : [];
  });
}

const isTest = (path: string) => /\.test\.tsx?$/.test(path);

/** Each import of a module, as the repository path it points at ("@/x" and relative paths resolved) or the package it names. */
function importsOf(path: string): string[] {
  const text = readFileSync(join(ROOT, path), "utf8");
  const specifiers = [...text.matchAll(/(?:^|\n)\s*(?:import|export)\b[^;]*?\bfrom\s*["']([^"']+)["']|\bimport\s*\(\s*["']([^"']+)["']\s*\)|(?:^|\n)\s*import\s+["']([^"']+)["']/g)].map((m) => m[1] ?? m[2] ?? m[3]!);
  return specifiers.map((s) => (s.startsWith("@/") ? s.slice(2) : s.startsWith(".") ? relative(ROOT, normalize(join(ROOT, dirname(path), s))) : `package:${s}`));
}

/** Code with its comments taken out, for looking for browser globals. */
const code = (path: string) => readFileSync(join(ROOT, path), "utf8").replace(/\/\*[\s\S]*?\*\//g, "").replace(/(^|[^:])\/\/.*$/gm, "$1");

const BROWSER_PACKAGES = ["dexie", "dexie-react-hooks", "comlink", "react", "react-dom", "next", "@duckdb/duckdb-wasm", "parquet-wasm"];
const BROWSER_GLOBALS = /\b(window|document|navigator|localStorage|sessionStorage)\.|\bindexedDB\b|\bnew Worker\(|\bBroadcastChannel\b|\brequestIdleCallback\b/;

function violations(folder: string, forbidden: (target: string) => boolean, options: { tests?: boolean } = {}): string[] {
  return files(folder)
    .filter((f) => options.tests || !isTest(f))
    .flatMap((f) => importsOf(f).filter(forbidden).map((target) => `${f} imports ${target}`));
}

const under = (...folders: string[]) => (target: string) => folders.some((folder) => target === folder || target.startsWith(`${folder}/`));
const packages = (...names: string[]) => (target: string) => names.some((n) => target === `package:${n}` || target.startsWith(`package:${n}/`));

describe("the layout", () => {
  it("lib/ runs in Node: no browser packages, no browser globals, nothing of the UI, the worker or the tests", () => {
    expect(violations("lib", (t) => packages(...BROWSER_PACKAGES)(t) || under("browser", "components", "workers", "app", "test")(t))).toEqual([]);
    expect(files("lib").filter((f) => !isTest(f) && BROWSER_GLOBALS.test(code(f)))).toEqual([]);
  });

  it("components/ reach the engine only through browser/engine-client.ts", () => {
    expect(violations("components", (t) => under("workers")(t) || packages("comlink", "@duckdb/duckdb-wasm", "parquet-wasm")(t), { tests: true })).toEqual([]);
  });

  it("workers/ know nothing of the UI", () => {
    expect(violations("workers", (t) => under("components", "app")(t) || packages("react", "react-dom", "next", "dexie-react-hooks")(t), { tests: true })).toEqual([]);
  });

  it("browser/ holds the browser-bound plumbing, not the UI", () => {
    expect(violations("browser", (t) => under("components", "app")(t) || packages("react", "react-dom", "next")(t))).toEqual([]);
  });

  it("embed/ runs in someone else's page: it takes the protocol from lib/embed/ and nothing else of the app", () => {
    expect(violations("embed", (t) => !t.startsWith("package:") && !under("lib/embed")(t))).toEqual([]);
    expect(importsOf("embed/client.ts")).toContain("lib/embed/protocol");
  });

  it("finds the imports it checks (the rule is not looking at nothing)", () => {
    expect(importsOf("browser/staging-store.ts")).toEqual(expect.arrayContaining(["lib/recipe/schema", "browser/staging-db"]));
    expect(importsOf("browser/staging-db.ts")).toContain("package:dexie");
    expect(BROWSER_GLOBALS.test(code("browser/idle.ts"))).toBe(true);
  });
});
