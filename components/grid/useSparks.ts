"use client";

import { useEffect, useState } from "react";
import type { SourceRef } from "@/lib/engine/api";
import { getEngine } from "@/browser/engine-client";
import { sparkOf, type Spark } from "@/lib/profile/spark";
import { useEngineEpoch } from "../useEngineEpoch";

/**
 * Each column's spark (histogram or most common values) from the source's
 * full profile: the same profile the profile cards show, which the engine
 * keeps and shares, so asking here adds no scan of its own.
 */
export function useSparks(source: SourceRef | null): Map<string, Spark> {
  const [sparks, setSparks] = useState<Map<string, Spark>>(() => new Map());
  // The rows a profile describes do not change with the run that checks them.
  const key = source ? JSON.stringify(source.kind === "staged" ? { kind: "staged", fileId: source.fileId } : source) : null;
  const epoch = useEngineEpoch();
  useEffect(() => {
    if (!key) return;
    let live = true;
    const src = JSON.parse(key) as SourceRef;
    // In the order the profile cards ask (counts, then the rest), so the two share the engine's work and neither waits behind the other.
    void (async () => {
      await getEngine().profile(src, "summary");
      const full = live ? await getEngine().profile(src, "full") : null;
      if (!live || !full?.ok) return;
      setSparks(new Map(full.value.flatMap((p) => {
        const spark = sparkOf(p);
        return spark ? [[p.name, spark] as const] : [];
      })));
    })();
    return () => void (live = false);
  }, [key, epoch]);
  return sparks;
}
