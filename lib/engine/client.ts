import * as Comlink from "comlink";
import type { EngineApi, ProgressFn } from "./api";

/**
 * The main thread's handle on the engine worker. One worker per tab, started
 * on first use.
 */
export type Engine = Comlink.Remote<EngineApi>;

let engine: Engine | null = null;

export function getEngine(): Engine {
  if (!engine) {
    const worker = new Worker(new URL("../../workers/engine.worker.ts", import.meta.url), {
      type: "module",
      name: "stages-engine",
    });
    engine = Comlink.wrap<EngineApi>(worker);
    // The same API the UI uses, for benchmarks and fault tests driving the app.
    (globalThis as { stages?: { engine: Engine } }).stages = { engine };
  }
  return engine;
}

/** Wrap a progress callback so it can cross to the worker. */
export const progress = (fn: ProgressFn): ProgressFn => Comlink.proxy(fn);

export const newTaskId = (): string => crypto.randomUUID();
