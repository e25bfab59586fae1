/**
 * DuckDB-WASM's worker script fetches its wasm module and, to report download progress, pipes the
 * body through a TransformStream into a `new Response(…)` before `WebAssembly.instantiateStreaming`.
 * A Response made that way has no URL and no cache behind it, so the browser cannot keep the code it
 * compiles: Chromium caches a module's optimized code beside the response it came from (in the HTTP
 * cache, or in the service worker's cache that served it) and, on the next visit, loads that code
 * instead of validating the module and compiling every function it runs again.
 *
 * `compileFromFetchedResponse` hands the fetched Response itself to `instantiateStreaming`. Nothing
 * else changes; the app does not listen to the progress (AsyncDuckDB.instantiate without a handler).
 * The build (scripts/duckdb-wasm.mjs) applies it to the site's copy of the script.
 */
import { fail, ok, type Result } from "@/lib/result";

// `return new Response((g=c.body)==null?void 0:g.pipeThrough(m),c)` in 1.32.0, minified names aside.
const PROGRESS_WRAPPER = /return new Response\(\(([\w$]+)=([\w$]+)\.body\)==null\?void 0:\1\.pipeThrough\(([\w$]+)\),\2\)/g;

export function compileFromFetchedResponse(script: string): Result<string> {
  const found = [...script.matchAll(PROGRESS_WRAPPER)];
  if (found.length !== 1) {
    return fail({
      message: `DuckDB-WASM's worker script has ${found.length} progress wrappers around its wasm response where 1 was expected: its code has changed, so this edit must be looked at again.`,
    });
  }
  return ok(script.replace(PROGRESS_WRAPPER, (_, _body, response: string) => `return ${response}`));
}
