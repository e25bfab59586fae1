"use client";

import { useCallback, useEffect, useState } from "react";
import { onDatasetsChanged } from "@/browser/dataset-changes";
import type { DatasetSummary } from "@/lib/engine/api";
import { getEngine } from "@/browser/engine-client";
import { describeError } from "@/lib/result";
import { useEngineEpoch } from "../useEngineEpoch";

/** The destination's datasets, refreshed whenever any tab announces a change. */
export function useDatasets() {
  const [datasets, setDatasets] = useState<DatasetSummary[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const epoch = useEngineEpoch();
  const refresh = useCallback(async () => {
    const result = await getEngine().listDatasets();
    if (result.ok) {
      setDatasets(result.value);
      setError(null);
    } else setError(describeError(result.error));
  }, []);
  useEffect(() => {
    void refresh();
    return onDatasetsChanged(() => void refresh());
  }, [refresh, epoch]);
  return { datasets, error };
}
