// DuckDB-WASM's worker, started by the page and spoken to over a MessagePort instead of its parent:
// the page starts this classic script, hands it a port and the URL of DuckDB's own worker script,
// and the engine worker holds the port's other end (workers/engine/duckdb-worker.ts). DuckDB's script
// listens on the global `onmessage` and answers with the global `postMessage`; both are moved onto the port.
// Plain JavaScript: it must be served as it is, a classic worker that can importScripts.
self.onmessage = (first) => {
  const { port, script } = first.data;
  self.onmessage = null;
  self.postMessage = (message, transfer) => port.postMessage(message, transfer);
  importScripts(script);
  port.onmessage = self.onmessage;
  self.onmessage = null;
};
