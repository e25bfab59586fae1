import type { StagesError } from "@/lib/result";

/**
 * DuckDB-WASM running out of memory. Its heap ends at 4 GB and never
 * shrinks, so once it is full (or fragmented) the only cure is a fresh
 * engine: everything in it can be rebuilt from staging and the destination.
 */
const OUT_OF_MEMORY = /Out of Memory Error|Allocation failure|(could not|failed to) allocate|Cannot enlarge memory|memory access out of bounds/i;

export const isOutOfMemory = (text: string): boolean => OUT_OF_MEMORY.test(text);

/** The error a call that ran out of memory returns; `fatal` tells the client to restart the engine. */
export function outOfMemoryError(error: StagesError): StagesError {
  return {
    ...error,
    fatal: true,
    message: `The engine ran out of memory in this tab (its memory ends at 4 GB). It restarts now with all its memory free; staged files and datasets are safe. Try again. (${error.message.split("\n")[0]})`,
  };
}
