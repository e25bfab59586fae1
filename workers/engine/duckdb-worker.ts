import type { DuckDbWorkerHost } from "@/lib/engine/api";

/**
 * DuckDB-WASM's workers, started by the page (browser/engine-client.ts) and reached over a MessagePort,
 * given to AsyncDuckDB as the Worker it expects: it only posts messages, listens for them and terminates.
 */
let provide!: (host: DuckDbWorkerHost) => void;
const host = new Promise<DuckDbWorkerHost>((resolve) => (provide = resolve));

/** Called once, by the page, before anything else reaches the engine. */
export function useDuckDbWorkers(given: DuckDbWorkerHost): void {
  provide(given);
}

export async function duckDbWorker(): Promise<Worker> {
  const workers = await host;
  const { id, port } = await workers.start();
  port.start();
  const worker: Pick<Worker, "postMessage" | "addEventListener" | "removeEventListener" | "terminate"> = {
    postMessage: (message: unknown, transfer?: Transferable[] | StructuredSerializeOptions) => port.postMessage(message, transfer as Transferable[]),
    // A port has no "error" or "close" events: the page restarts the engine when one of DuckDB's workers fails.
    addEventListener: (type: string, listener: EventListenerOrEventListenerObject) => type === "message" && port.addEventListener(type, listener),
    removeEventListener: (type: string, listener: EventListenerOrEventListenerObject) => type === "message" && port.removeEventListener(type, listener),
    terminate: () => {
      port.close();
      void workers.stop(id);
    },
  };
  return worker as Worker;
}
