"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import { OUT_OF_MEMORY, lastRestartReason, onEngineRestart } from "@/browser/engine-client";

/** A number that changes whenever the engine restarts: put it in effect dependencies to redo work. */
export function useEngineEpoch(): number {
  const [epoch, setEpoch] = useState(0);
  useEffect(() => onEngineRestart(() => setEpoch((e) => e + 1)), []);
  return epoch;
}

/**
 * For an effect that depends on the epoch: call it at the start of each run;
 * it is true when this run comes from a restart caused by running out of
 * memory, so that the work that ran the engine out waits for the user.
 */
export function useOutOfMemoryRestart(epoch: number): () => boolean {
  const seen = useRef<number | null>(null);
  return useCallback(() => {
    const restarted = seen.current !== null && seen.current !== epoch;
    seen.current = epoch;
    return restarted && lastRestartReason() === OUT_OF_MEMORY;
  }, [epoch]);
}
