import { DUCKDB_WASM } from "@/lib/engine/duckdb-module";

/**
 * On a first visit DuckDB's 27 MB wasm module comes over the network, and the engine's worker asks for
 * it only once its own code has loaded (about half a second after the page). Asked for here, as the
 * page's code loads, its download starts that much sooner: it goes into the browser's HTTP cache, where
 * the worker's request finds it, or joins it while it still downloads. (A host that forbids caching,
 * `Cache-Control: no-store`, would have it downloaded twice; `npm start` caches `_next/static` for good,
 * and static hosts cache or revalidate.) Later visits take it from the service worker's cache, and this
 * does nothing.
 */
export function fetchDuckDbAhead(): void {
  if (process.env.NODE_ENV !== "production" || navigator.serviceWorker?.controller) return;
  // Low priority: the page's own scripts come first. The body is read into a Blob (the browser keeps it,
  // not this thread), so that the download runs to its end; the Blob is then dropped.
  void fetch(DUCKDB_WASM, { priority: "low" })
    .then((response) => response.blob())
    .catch(() => undefined);
}
