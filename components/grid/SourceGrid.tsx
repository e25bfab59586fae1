"use client";

import { useEffect, useState } from "react";
import type { SourceRef, TableInfo } from "@/lib/engine/api";
import { getEngine } from "@/browser/engine-client";
import { describeError } from "@/lib/result";
import { useEngineEpoch } from "../useEngineEpoch";
import { DataGrid } from "./DataGrid";

/** A grid over any source, described by the engine first. */
export function SourceGrid({ label, source, height }: { label: string; source: SourceRef; height?: string }) {
  const [info, setInfo] = useState<TableInfo | null>(null);
  const [error, setError] = useState<string | null>(null);
  const key = JSON.stringify(source);
  const epoch = useEngineEpoch();
  useEffect(() => {
    let live = true;
    setInfo(null);
    void getEngine()
      .describe(JSON.parse(key) as SourceRef)
      .then((r) => live && (r.ok ? setInfo(r.value) : setError(describeError(r.error))));
    return () => void (live = false);
  }, [key, epoch]);
  if (error) return <p className="text-sm text-danger">{error}</p>;
  if (!info) return <p className="text-sm">Opening {label}…</p>;
  return <DataGrid label={label} source={source} columns={info.columns} rowCount={info.rowCount} height={height} />;
}
