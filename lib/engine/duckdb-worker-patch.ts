/**
 * DuckDB-WASM's worker script is an Emscripten main module linked dynamically: as its wasm is
 * instantiated, the script walks the module's 75,000 exports three times. It gives every exported
 * function a slot in the function table and a GOT entry, whether or not anything will ask for one,
 * and it copies the exports into the import table through `Object.entries`. On this machine that was
 * about a third of the instantiation: the engine's start waits on it, warm or cold.
 *
 * The build (scripts/duckdb-wasm.mjs) applies these edits to the copy the site ships:
 * - a GOT entry is filled only where one exists (the module's own GOT imports, made before it is
 *   instantiated). A side module's later GOT imports are still filled by Emscripten's
 *   `reportUndefinedSymbols` from the import table, and `dlsym` still adds a table slot on demand
 *   through the same table map, so a function keeps one address;
 * - the two walks over the exports use `for…in` instead of `Object.entries` (same keys, same order).
 *
 * Each edit must match the installed script exactly once; when DuckDB-WASM changes, the build says
 * which edit no longer fits instead of shipping a script it has not checked.
 */
import { fail, ok, type Result } from "@/lib/result";

export interface WorkerEdit {
  /** What the edit saves, for the build's log and the error when it no longer fits. */
  what: string;
  from: string;
  to: string;
}

export const DUCKDB_WORKER_EDITS: readonly WorkerEdit[] = [
  {
    what: "GOT entries only for the symbols that have one",
    from: 'GOT[r]||(GOT[r]=new WebAssembly.Global({value:"i32",mutable:!0})),(t||GOT[r].value==0)&&',
    to: "GOT[r]&&(t||GOT[r].value==0)&&",
  },
  {
    what: "dynCall symbols found without Object.entries",
    from: 'registerDynCallSymbols=e=>{for(var[t,r]of Object.entries(e))t.startsWith("dynCall_")&&!Module.hasOwnProperty(t)&&(Module[t]=r)}',
    to: 'registerDynCallSymbols=e=>{for(var t in e)t.startsWith("dynCall_")&&!Module.hasOwnProperty(t)&&(Module[t]=e[t])}',
  },
  {
    what: "exports merged into the imports without Object.entries",
    from: "mergeLibSymbols=(e,t)=>{registerDynCallSymbols(e);for(var[r,n]of Object.entries(e))(l=>{isSymbolDefined(l)||(wasmImports[l]=n)})(r)}",
    to: "mergeLibSymbols=(e,t)=>{registerDynCallSymbols(e);for(var r in e)isSymbolDefined(r)||(wasmImports[r]=e[r])}",
  },
];

/** The worker script with every edit applied, or which edit does not match it exactly once. */
export function patchDuckDbWorker(source: string, edits: readonly WorkerEdit[] = DUCKDB_WORKER_EDITS): Result<string> {
  let patched = source;
  for (const edit of edits) {
    const found = patched.split(edit.from).length - 1;
    if (found !== 1) {
      return fail({ message: `DuckDB-WASM's worker script matches the edit "${edit.what}" ${found} times, not once: update or remove the edit in lib/engine/duckdb-worker-patch.ts.` });
    }
    patched = patched.replace(edit.from, () => edit.to);
  }
  return ok(patched);
}
