import type { Connection } from "./duckdb";
import { Cancelled, onCancel, throwIfCancelled } from "./tasks";

/**
 * Run a statement so that cancelling the task interrupts it: DuckDB-WASM's
 * `send` runs it as a pending query that `cancelSent` can stop.
 */
export async function runCancellable(conn: Connection, sql: string, taskId: string): Promise<void> {
  throwIfCancelled(taskId);
  let interrupted = false;
  await onCancel(
    taskId,
    () => {
      interrupted = true;
      void conn.cancelSent();
    },
    async () => {
      try {
        const reader = await conn.send(sql);
        for await (const batch of reader) void batch;
      } catch (error) {
        if (interrupted) throw new Cancelled();
        throw error;
      }
    },
  );
  throwIfCancelled(taskId);
}

export const errorText = (error: unknown): string => String((error as Error)?.message ?? error);
