"use client";

import { useEffect, useState } from "react";
import { onEngineRestart } from "@/lib/engine/client";

/** A number that changes whenever the engine restarts: put it in effect dependencies to redo work. */
export function useEngineEpoch(): number {
  const [epoch, setEpoch] = useState(0);
  useEffect(() => onEngineRestart(() => setEpoch((e) => e + 1)), []);
  return epoch;
}
