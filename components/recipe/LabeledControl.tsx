"use client";

import { useId } from "react";

/**
 * A label above its control, tied by id rather than by nesting, so that the
 * control's accessible name is the label alone (a nested select would add
 * its chosen option to the name).
 */
export function LabeledControl({ label, children }: { label: string; children: (id: string) => React.ReactNode }) {
  const id = useId();
  return (
    <div className="flex flex-col text-xs">
      <label htmlFor={id}>{label}</label>
      {children(id)}
    </div>
  );
}

export const controlClass = "rounded border border-slate-300 bg-transparent px-2 py-1 text-sm dark:border-slate-700";
