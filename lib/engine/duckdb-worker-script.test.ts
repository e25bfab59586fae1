import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import { compileFromFetchedResponse } from "./duckdb-worker-script";

const require = createRequire(import.meta.url);
const script = readFileSync(require.resolve("@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js"), "utf8");

function edited(): string {
  const result = compileFromFetchedResponse(script);
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

describe("compileFromFetchedResponse", () => {
  it("hands the fetched response itself to instantiateStreaming in the installed DuckDB-WASM worker script", () => {
    const out = edited();
    expect(script).toContain(".pipeThrough(");
    expect(out).not.toMatch(/new Response\([^)]*pipeThrough/);
    // The only change: the wrapper's return became `return <the fetched response>`.
    const fetched = /([\w$]+)=await fetch\(([\w$]+)\)/.exec(script.slice(script.indexOf("instantiateWasm(")));
    expect(fetched).not.toBeNull();
    expect(out).toContain(`return ${fetched![1]}})();WebAssembly.instantiateStreaming(`);
    expect(script.length - out.length).toBeGreaterThan(40);
    expect(script.length - out.length).toBeLessThan(80);
  });

  it("leaves a script that still parses", () => {
    expect(() => new Function(edited())).not.toThrow();
  });

  it("says what changed when the script has no wrapper, or more than one", () => {
    const none = compileFromFetchedResponse("WebAssembly.instantiateStreaming(fetch(u), imports)");
    expect(none.ok).toBe(false);
    if (!none.ok) expect(none.error.message).toContain("0 progress wrappers");
    const wrapper = "return new Response((g=c.body)==null?void 0:g.pipeThrough(m),c)";
    const twice = compileFromFetchedResponse(`${wrapper};${wrapper}`);
    expect(twice.ok).toBe(false);
    if (!twice.ok) expect(twice.error.message).toContain("2 progress wrappers");
  });
});
