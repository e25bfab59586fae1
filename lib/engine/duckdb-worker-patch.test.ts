import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import { DUCKDB_WORKER_EDITS, patchDuckDbWorker } from "./duckdb-worker-patch";

const require = createRequire(import.meta.url);
const installed = readFileSync(require.resolve("@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js"), "utf8");

function patched(): string {
  const result = patchDuckDbWorker(installed);
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

/** One of the script's `name=(…)=>{…}` definitions, cut out up to the text that follows it. */
function definition(source: string, name: string, followedBy: string): string {
  const start = source.indexOf(`${name}=`);
  const end = source.indexOf(followedBy, start);
  expect(start).toBeGreaterThan(-1);
  expect(end).toBeGreaterThan(start);
  return source.slice(start, end);
}

interface Linker {
  GOT: Record<string, { value: number }>;
  wasmImports: Record<string, unknown>;
  Module: Record<string, unknown>;
  tableSlots: unknown[];
}

/** Runs the script's own linking functions on a module's exports, with a stand-in function table. */
function link(source: string, exports: Record<string, unknown>, got: string[]): Linker {
  const code = [
    "var GOT={},wasmImports={},Module={},tableSlots=[];",
    "var WebAssembly={Global:function(){this.value=0}};",
    "var isInternalSym=e=>e==='__wasm_call_ctors',err=e=>{throw new Error(e)};",
    "var addFunction=f=>{var i=tableSlots.indexOf(f);return i>=0?i+1:tableSlots.push(f)};",
    "var isSymbolDefined=e=>{var t=wasmImports[e];return!(!t||t.stub)};",
    "var updateGOT,registerDynCallSymbols,mergeLibSymbols;",
    `${definition(source, "updateGOT", ",relocateExports=")};`,
    `${definition(source, "mergeLibSymbols", ",asyncLoad=")};`,
    `${definition(source, "registerDynCallSymbols", ";function loadDynamicLibrary")};`,
    "for (var name of got) GOT[name]=new WebAssembly.Global();",
    "updateGOT(exports); mergeLibSymbols(exports,'main');",
    "return {GOT,wasmImports,Module,tableSlots};",
  ].join("\n");
  return new Function("exports", "got", code)(exports, got) as Linker;
}

describe("patchDuckDbWorker", () => {
  it("applies every edit, once, to the installed DuckDB-WASM worker", () => {
    const script = patched();
    for (const edit of DUCKDB_WORKER_EDITS) {
      expect(script).toContain(edit.to);
      expect(script).not.toContain(edit.from);
    }
    const saved = DUCKDB_WORKER_EDITS.reduce((sum, e) => sum + e.from.length - e.to.length, 0);
    expect(installed.length - script.length).toBe(saved);
  });

  it("says which edit no longer fits a script it does not match, and leaves it unpatched", () => {
    const result = patchDuckDbWorker(patched());
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message).toContain(`"${DUCKDB_WORKER_EDITS[0]!.what}" 0 times`);
  });

  it("links a module's exports as before, but makes table slots only for the symbols with a GOT entry", () => {
    const f = () => 1;
    const g = () => 2;
    const dynCall = () => 3;
    const exports = { f, g, dynCall_vi: dynCall, data: 4096, __wasm_call_ctors: () => 0 };
    const before = link(installed, exports, ["g", "data", "missing"]);
    const after = link(patched(), exports, ["g", "data", "missing"]);

    expect(after.wasmImports).toEqual(before.wasmImports);
    expect(Object.keys(after.wasmImports)).toEqual(Object.keys(before.wasmImports));
    expect(after.Module).toEqual({ dynCall_vi: dynCall });
    expect(before.Module).toEqual(after.Module);

    // Before, every exported function got a GOT entry and a table slot; now only those asked for.
    expect(Object.keys(before.GOT).sort()).toEqual(["data", "dynCall_vi", "f", "g", "missing"]);
    expect(Object.keys(after.GOT).sort()).toEqual(["data", "g", "missing"]);
    expect(after.tableSlots).toEqual([g]);
    expect(after.GOT.g!.value).toBe(1);
    expect(after.GOT.data!.value).toBe(4096);
    expect(after.GOT.missing!.value).toBe(0);
  });
});
