"use client";

import { useEffect, useState } from "react";
import { formatBytes } from "@/lib/format";

/** How much of the browser's storage Stages uses, and whether it is kept when space runs low. */
export function StorageMeter({ refreshKey }: { refreshKey: unknown }) {
  const [estimate, setEstimate] = useState<StorageEstimate | null>(null);
  const [persisted, setPersisted] = useState<boolean | null>(null);
  useEffect(() => {
    void navigator.storage?.estimate().then(setEstimate);
    void navigator.storage?.persisted().then(setPersisted);
  }, [refreshKey]);
  if (!estimate) return null;
  const used = estimate.usage ?? 0;
  const quota = estimate.quota ?? 0;
  return (
    <div className="space-y-1 text-xs text-muted">
      <label className="block">
        Storage: {formatBytes(used)} used of {formatBytes(quota)} available
        <progress className="block w-full" max={quota || 1} value={used} />
      </label>
      {persisted ? (
        <p>Persistent storage granted: the browser will not clear it to free space.</p>
      ) : (
        <p className="flex flex-wrap items-center gap-1">
          {persisted === false && "The browser may clear this data when space runs low."}
          <button
            type="button"
            className="rounded border px-2 py-0.5 focus-visible:outline-2"
            onClick={() => void navigator.storage.persist().then(setPersisted)}
          >
            Ask to keep data
          </button>
        </p>
      )}
    </div>
  );
}
