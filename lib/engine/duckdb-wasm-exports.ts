/**
 * DuckDB-WASM's module exports 75,011 symbols (a 7.4 MB export section of its 34 MB) so that side
 * modules could link against it; the app loads none (extensions cannot be had offline). The browser
 * reads and builds every export at instantiation, and Emscripten's linking walks them all.
 *
 * `keepUsedExports` rewrites the export section to the exports anything can reach:
 * - every name that appears in DuckDB-WASM's worker script (its glue reads exports by name:
 *   `wasmExports.malloc`, `ccall("duckdb_web_connect")`), taken as every identifier-like word in it;
 * - the module's own GOT imports, which Emscripten fills from its exports;
 * - `dynCall_…` and the `__…` internals (constructors, relocations, exception handling);
 * - `orig$…` (a function before its 64-bit integers were legalized) only where its GOT entry is kept.
 * Nothing else in the module changes. The build (scripts/duckdb-wasm.mjs) applies it to the site's copy.
 */
import { concatBytes } from "@/lib/bytes";
import { errorText, fail, ok, type Result } from "@/lib/result";

const EXPORT_SECTION = 7;
const IMPORT_SECTION = 2;

interface Reader {
  bytes: Uint8Array;
  at: number;
}

function u32(r: Reader): number {
  let value = 0;
  let scale = 1;
  for (;;) {
    const byte = r.bytes[r.at++];
    if (byte === undefined) throw new Error("the module ends inside a number");
    value += (byte & 0x7f) * scale;
    if (!(byte & 0x80)) return value;
    scale *= 128;
  }
}

const utf8 = new TextDecoder();

function name(r: Reader): string {
  const length = u32(r);
  const text = utf8.decode(r.bytes.subarray(r.at, r.at + length));
  r.at += length;
  return text;
}

function leb(n: number): number[] {
  const out: number[] = [];
  do {
    let byte = n & 0x7f;
    n = Math.floor(n / 128);
    if (n) byte |= 0x80;
    out.push(byte);
  } while (n);
  return out;
}

interface Section {
  id: number;
  start: number;
  body: number;
  end: number;
}

function sections(bytes: Uint8Array): Section[] {
  const r: Reader = { bytes, at: 8 };
  const found: Section[] = [];
  while (r.at < bytes.length) {
    const start = r.at;
    const id = bytes[r.at++]!;
    const size = u32(r);
    found.push({ id, start, body: r.at, end: r.at + size });
    r.at += size;
  }
  return found;
}

/** The names the module imports from Emscripten's GOT ("GOT.func", "GOT.mem"). */
function gotImports(bytes: Uint8Array, section: Section): Set<string> {
  const r: Reader = { bytes, at: section.body };
  const names = new Set<string>();
  const limits = () => (bytes[r.at++]! & 1 ? (u32(r), u32(r)) : u32(r));
  for (let i = u32(r); i > 0; i--) {
    const module = name(r);
    const field = name(r);
    const kind = bytes[r.at++];
    if (kind === 0) u32(r);
    else if (kind === 1) (r.at++, limits());
    else if (kind === 2) limits();
    else if (kind === 3) r.at += 2;
    else if (kind === 4) (r.at++, u32(r));
    else throw new Error(`an import of unknown kind ${kind}`);
    if (module.startsWith("GOT.")) names.add(field);
  }
  return names;
}

export interface KeptExports {
  module: Uint8Array<ArrayBuffer>;
  kept: string[];
  total: number;
}

/** The module with only the exports its worker script, its GOT and Emscripten's runtime can reach. */
export function keepUsedExports(module: Uint8Array, workerScript: string): Result<KeptExports> {
  try {
    const all = sections(module);
    const exportSection = all.find((s) => s.id === EXPORT_SECTION);
    const importSection = all.find((s) => s.id === IMPORT_SECTION);
    if (!exportSection || !importSection) return fail({ message: "DuckDB-WASM's module has no import or export section." });
    const words = new Set(workerScript.match(/[A-Za-z_$][\w$]*/g));
    const got = gotImports(module, importSection);
    // `orig$f` is f before Emscripten legalized its 64-bit integers: only GOT entries (side modules) take it.
    const used = (n: string) => (n.startsWith("orig$") ? got.has(n.slice(5)) : words.has(n) || got.has(n) || n.startsWith("dynCall_") || n.startsWith("__"));

    const r: Reader = { bytes: module, at: exportSection.body };
    const entries: Uint8Array[] = [];
    const kept: string[] = [];
    const total = u32(r);
    for (let i = 0; i < total; i++) {
      const start = r.at;
      const exported = name(r);
      r.at++;
      u32(r);
      if (used(exported)) (entries.push(module.subarray(start, r.at)), kept.push(exported));
    }
    const body = concatBytes([Uint8Array.from(leb(kept.length)), ...entries]);
    const section = concatBytes([Uint8Array.of(EXPORT_SECTION, ...leb(body.length)), body]);
    return ok({ module: concatBytes([module.subarray(0, exportSection.start), section, module.subarray(exportSection.end)]), kept, total });
  } catch (error) {
    return fail({ message: `DuckDB-WASM's module could not be read: ${errorText(error)}` });
  }
}
