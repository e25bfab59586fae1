/**
 * DuckDB-WASM's module as the build ships it (`scripts/duckdb-wasm.mjs` trims its exports): the engine
 * instantiates it (workers/engine/duckdb-worker.ts), and a first visit asks for it ahead
 * (browser/duckdb-ahead.ts). One URL for both, so that the one is the other's cache.
 */
export const DUCKDB_WASM = new URL("@duckdb/duckdb-wasm/dist/duckdb-eh.wasm", import.meta.url).href;
