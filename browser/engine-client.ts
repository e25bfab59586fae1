import * as Comlink from "comlink";
import { fail, type Result, type StagesError } from "@/lib/result";
import { type DuckDbWorkerHost, type EngineApi, pageStartsDuckDb, type ProgressFn } from "@/lib/engine/api";

/**
 * The main thread's handle on the engine worker: one worker per tab, started
 * on first use. If the worker dies (or a test stops it), every call still
 * waiting resolves with an error value, and the next call starts a new
 * worker; listeners hear of the restart so they can refresh.
 */
export type Engine = Comlink.Remote<EngineApi>;

interface Running {
  worker: Worker;
  /** DuckDB's workers, where this page starts them for the engine (Firefox: duckDbWorkers). */
  duckDb: Map<number, Worker>;
  remote: Engine;
  died: Promise<Result<never>>;
  markDead: (result: Result<never>) => void;
}

let running: Running | null = null;
let lastRestart: string | null = null;

/** The reason given when the engine restarts because it ran out of memory. */
export const OUT_OF_MEMORY = "it ran out of memory";

/** Why the engine last restarted (null: it has not); work that ran it out of memory is not restarted by itself. */
export const lastRestartReason = (): string | null => lastRestart;
const listeners = new Set<(reason: string) => void>();

function spawn(): Running {
  // A site built for tests passes `?without=…` on to the engine, which then lacks those storage features (workers/engine/switch-off.ts).
  const without = process.env.NEXT_PUBLIC_STAGES_TEST_HOOKS === "1" ? /[?&](without=[\w,]+)/.exec(location.search)?.[1] : undefined;
  const worker = new Worker(new URL("../workers/engine.worker.ts", import.meta.url), { type: "module", name: without ? `stages-engine ${without}` : "stages-engine" });
  let markDead!: Running["markDead"];
  const died = new Promise<Result<never>>((resolve) => (markDead = resolve));
  worker.addEventListener("error", () => restartEngine("it crashed"));
  const duckDb = new Map<number, Worker>();
  const remote = Comlink.wrap<EngineApi>(worker);
  // Comlink delivers calls in order: the engine has this before any other call.
  if (PAGE_STARTS_DUCKDB) void remote.useDuckDbWorkers(Comlink.proxy(duckDbWorkers(duckDb)));
  return { worker, duckDb, remote, died, markDead };
}

/**
 * Firefox stalls now and then creating a worker inside a worker (lib/engine/api.ts): there the page starts
 * DuckDB's workers. Elsewhere the engine starts them itself, as messages between a worker and the worker it
 * started are quicker than over a MessagePort (Chromium, 100 MB flow: stage, validate and the CSV download
 * about a fifth slower over ports).
 */
const PAGE_STARTS_DUCKDB = typeof navigator !== "undefined" && pageStartsDuckDb(navigator.userAgent);

const DUCKDB_PORT_SCRIPT = new URL("../workers/duckdb-port.js", import.meta.url);

/**
 * DuckDB's workers for one engine, started here beside it rather than inside it (lib/engine/api.ts says
 * why); each speaks to the engine over a MessagePort (workers/duckdb-port.js), so no query result passes
 * through this thread.
 */
function duckDbWorkers(started: Map<number, Worker>): DuckDbWorkerHost {
  let next = 0;
  return {
    start: async (script) => {
      const duck = new Worker(DUCKDB_PORT_SCRIPT, { name: "stages-duckdb" });
      duck.addEventListener("error", () => running?.duckDb === started && restartEngine("it crashed"));
      const { port1, port2 } = new MessageChannel();
      duck.postMessage({ port: port1, script }, [port1]);
      const id = next++;
      started.set(id, duck);
      return Comlink.transfer({ id, port: port2 }, [port2]);
    },
    stop: async (id) => {
      started.get(id)?.terminate();
      started.delete(id);
    },
  };
}

/** Stop the worker (crashed, or for a test) and let the next call start a new one. */
export function restartEngine(reason: string): void {
  if (!running) return;
  const dead = running;
  running = null;
  dead.worker.terminate();
  dead.duckDb.forEach((duck) => duck.terminate());
  lastRestart = reason;
  dead.markDead(fail({ message: `The engine stopped (${reason}) and has been restarted. Staged files and datasets are safe: try again.`, fatal: reason === OUT_OF_MEMORY }));
  listeners.forEach((listener) => listener(reason));
}

export function onEngineRestart(listener: (reason: string) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

const engine = new Proxy({} as Engine, {
  get: (_, method: string) =>
    (...args: unknown[]) => {
      running ??= spawn();
      const { remote, died } = running;
      const call = (remote as unknown as Record<string, (...a: unknown[]) => Promise<unknown>>)[method]!(...args).then((result) => {
        const error = (result as Result<unknown> | undefined)?.ok === false ? (result as { error: StagesError }).error : null;
        // After this call's own (more precise) error has been delivered.
        if (error?.fatal) queueMicrotask(() => running?.remote === remote && restartEngine(OUT_OF_MEMORY));
        return result;
      });
      return Promise.race([call, died]);
    },
});

export function getEngine(): Engine {
  return engine;
}

/** Wrap a progress callback so it can cross to the worker. */
export const progress = (fn: ProgressFn): ProgressFn => Comlink.proxy(fn);

/** Wrap any other callback the worker calls back. */
export const callback = <A>(fn: (arg: A) => void): ((arg: A) => void) => Comlink.proxy(fn);

/**
 * The same API the UI uses, for benchmarks and fault tests driving the app:
 * only in a site built for tests (STAGES_TEST_HOOKS=1, next.config.js). The
 * condition is a constant of the build, so the production build has no trace
 * of it, and no page can switch it on.
 */
if (process.env.NEXT_PUBLIC_STAGES_TEST_HOOKS === "1" && typeof window !== "undefined") {
  (window as { stages?: unknown }).stages = { engine, callback, killEngine: () => restartEngine("stopped by a test") };
}

/**
 * The worker's handle on a long call (staging, a recipe run, a promotion, an
 * export), cancelled in the worker when `signal` aborts: the UI holds an
 * AbortController, never a task id.
 */
export function taskFor(signal: AbortSignal): string {
  const taskId = crypto.randomUUID();
  const cancel = () => void engine.cancel(taskId);
  if (signal.aborted) cancel();
  else signal.addEventListener("abort", cancel, { once: true });
  return taskId;
}
