import { startDuckDbAhead } from "./duckdb-worker";

// Imported first by engine.worker.ts, for this side effect alone: DuckDB's worker starts and its
// module is fetched, compiled and instantiated while the engine's other modules are evaluated.
startDuckDbAhead();
