"use client";

import { useEffect, useState, type ReactNode } from "react";

/**
 * Grids sharing a step's height (--step-height, app/globals.css): one, or two stacked, each leaving
 * room for its toolbar and notes; `narrow` grids (side by side) leave more, their toolbars wrap.
 */
export const gridHeight = (share: 1 | 2, narrow = false): string =>
  share === 1 ? "calc(var(--step-height) - 5rem)" : narrow ? "calc(var(--step-height) / 2 - 9rem)" : "calc(var(--step-height) / 2 - 6rem)";

/**
 * A step's panel: its tools beside the data (above it below 1024 px); the tools scroll inside.
 * The tools mount a frame after the data: the two are many nodes, and laid out in one task while
 * DuckDB holds both cores they made one long task as a staged file's workspace appeared.
 */
export function StepLayout({ tools, data }: { tools: ReactNode; data: ReactNode }) {
  const [toolsShown, setToolsShown] = useState(false);
  useEffect(() => {
    const frame = requestAnimationFrame(() => setToolsShown(true));
    return () => cancelAnimationFrame(frame);
  }, []);
  return (
    <div className="grid gap-4 lg:grid-cols-[26rem_minmax(0,1fr)]">
      <div className="relative min-w-0 space-y-4 lg:max-h-(--step-height) lg:overflow-y-auto lg:pr-1">{toolsShown && tools}</div>
      <div className="min-w-0 space-y-3">{data}</div>
    </div>
  );
}
