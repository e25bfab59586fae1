"use client";

import { useEffect, useState } from "react";
import type { GridView } from "@/lib/grid/view";
import { isPlainView } from "@/lib/grid/view";
import type { SourceRef } from "@/lib/engine/api";
import { getEngine } from "@/browser/engine-client";
import { describeError } from "@/lib/result";

/** A grid's sort and filters, and how many rows the engine says they leave. */
export function useGridView(source: SourceRef, sourceRows: number) {
  const [view, setView] = useState<GridView>({ conditions: [] });
  const [viewRows, setViewRows] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const plain = isPlainView(view);
  const key = JSON.stringify([source, view]);

  useEffect(() => {
    setError(null);
    if (plain) return setViewRows(null);
    let live = true;
    const [src, v] = JSON.parse(key) as [SourceRef, GridView];
    void getEngine()
      .openView(src, v)
      .then((r) => live && (r.ok ? setViewRows(r.value.rowCount) : setError(describeError(r.error))));
    return () => void (live = false);
  }, [key, plain]);

  return { view, setView, rowCount: plain ? sourceRows : (viewRows ?? 0), ready: plain || viewRows !== null, error };
}
