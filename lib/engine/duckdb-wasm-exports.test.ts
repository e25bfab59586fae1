import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import { keepUsedExports } from "./duckdb-wasm-exports";

const require = createRequire(import.meta.url);
const dist = (file: string) => require.resolve(`@duckdb/duckdb-wasm/dist/${file}`);
const wasm = new Uint8Array(readFileSync(dist("duckdb-eh.wasm")));
const script = readFileSync(dist("duckdb-browser-eh.worker.js"), "utf8");

function kept() {
  const result = keepUsedExports(wasm, script);
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

describe("keepUsedExports", () => {
  it("keeps what the worker script reads by name and the module's own GOT imports, and drops the rest", () => {
    const { kept: names, total } = kept();
    const module = new WebAssembly.Module(wasm);
    const all = WebAssembly.Module.exports(module).map((e) => e.name);
    expect(total).toBe(all.length);
    expect(names.length).toBeLessThan(total / 4);

    const keptSet = new Set(names);
    const read = [...script.matchAll(/wasmExports\.([A-Za-z_$][\w$]*)/g)].map((m) => m[1]!);
    expect(read.length).toBeGreaterThan(20);
    for (const n of read) expect(keptSet, n).toContain(n);
    for (const n of ["malloc", "free", "duckdb_web_connect", "duckdb_web_query_run", "duckdb_web_query_fetch_results", "__wasm_call_ctors"]) expect(keptSet, n).toContain(n);
    // A GOT import naming one of the module's own exports is filled from that export (none does in 1.32.0).
    const exported = new Set(all);
    for (const i of WebAssembly.Module.imports(module)) if (i.module.startsWith("GOT.") && exported.has(i.name)) expect(keptSet, i.name).toContain(i.name);
    const got = new Set(WebAssembly.Module.imports(module).filter((i) => i.module.startsWith("GOT.")).map((i) => i.name));
    expect(all.filter((n) => n.startsWith("orig$")).length).toBeGreaterThan(10_000);
    for (const n of names) if (n.startsWith("orig$")) expect(got, n).toContain(n.slice(5));
  });

  it("leaves a module that compiles, with the same imports and only the kept exports, in the same order", () => {
    const { module: stripped, kept: names } = kept();
    const before = new WebAssembly.Module(wasm);
    const after = new WebAssembly.Module(stripped);
    expect(WebAssembly.Module.imports(after)).toEqual(WebAssembly.Module.imports(before));
    const order = WebAssembly.Module.exports(before).filter((e) => names.includes(e.name));
    expect(WebAssembly.Module.exports(after)).toEqual(order);
    expect(WebAssembly.Module.customSections(after, "dylink.0")).toHaveLength(1);
    expect(stripped.length).toBeLessThan(wasm.length - 5_000_000);
  });

  it("says so when the bytes are not a module it can read", () => {
    const result = keepUsedExports(wasm.subarray(0, 1000), script);
    expect(result.ok).toBe(false);
  });
});
