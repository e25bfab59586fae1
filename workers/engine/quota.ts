import { fail, ok, type Result } from "@/lib/result";
import { quotaMessage } from "@/lib/storage-error";

/**
 * Room left in the origin's storage, checked before work that writes a lot.
 * IndexedDB and OPFS refuse a write beyond the quota with an error the engine
 * turns into a message; but DuckDB-WASM stops answering when its database
 * file cannot grow (measured: a refused OPFS write hangs the statement), so
 * the check comes first, with the worst case of what the step may write.
 */
let simulatedQuota: number | null = null;

/** Fault hook for tests: act as if the origin's quota were this many bytes (null: the real one). */
export function simulateQuota(bytes: number | null): void {
  simulatedQuota = bytes;
}

export async function roomFor(bytes: number, what: string): Promise<Result<null>> {
  // Without the Storage API (some WebKit configurations) the write itself is the check.
  if (!navigator.storage?.estimate) return ok(null);
  const { quota, usage = 0 } = await navigator.storage.estimate();
  const limit = simulatedQuota ?? quota;
  if (limit === undefined || limit - usage >= bytes) return ok(null);
  return fail({ message: quotaMessage(what) });
}
