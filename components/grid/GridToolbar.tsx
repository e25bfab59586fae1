"use client";

import { useState } from "react";
import type { Column } from "@/lib/datasets/manifest";
import type { OnlyRows } from "@/lib/grid/issues";
import { OPERATORS, type GridView, type Operator } from "@/lib/grid/view";

const field = "rounded border border-slate-300 bg-transparent px-1 py-0.5 text-xs dark:border-slate-700";

const ONLY: { only: OnlyRows; label: string }[] = [
  { only: "errors", label: "Only rows with errors" },
  { only: "warnings", label: "Only rows with warnings" },
];

/** Search every column, add or remove per-column conditions, and (rows checked by a run) keep only the rows with problems. */
export function GridToolbar({ label, columns, view, setView, checked }: { label: string; columns: Column[]; view: GridView; setView: (v: GridView) => void; checked: boolean }) {
  const [search, setSearch] = useState(view.search ?? "");
  const [column, setColumn] = useState(columns[0]?.name ?? "");
  const [op, setOp] = useState<Operator>("=");
  const [value, setValue] = useState("");
  const needsValue = op !== "is empty" && op !== "is not empty";

  return (
    <div className="flex flex-wrap items-center gap-2 text-xs">
      <form
        role="search"
        aria-label={`Search ${label}`}
        onSubmit={(e) => {
          e.preventDefault();
          setView({ ...view, search: search.trim() || undefined });
        }}
      >
        <input type="search" aria-label={`Search ${label}`} placeholder="Search all columns" className={field} value={search} onChange={(e) => setSearch(e.target.value)} />
      </form>
      <form
        className="flex flex-wrap items-center gap-1"
        aria-label={`Filter ${label}`}
        onSubmit={(e) => {
          e.preventDefault();
          if (!column || (needsValue && value === "")) return;
          setView({ ...view, conditions: [...view.conditions, { column, op, value: needsValue ? value : "" }] });
          setValue("");
        }}
      >
        <select aria-label={`Filter column of ${label}`} className={field} value={column} onChange={(e) => setColumn(e.target.value)}>
          {columns.map((c) => (
            <option key={c.name}>{c.name}</option>
          ))}
        </select>
        <select aria-label={`Filter condition of ${label}`} className={field} value={op} onChange={(e) => setOp(e.target.value as Operator)}>
          {OPERATORS.map((o) => (
            <option key={o}>{o}</option>
          ))}
        </select>
        {needsValue && <input aria-label={`Filter value of ${label}`} className={`${field} w-24`} value={value} onChange={(e) => setValue(e.target.value)} />}
        <button type="submit" className="rounded border px-2 py-0.5 focus-visible:outline-2">
          Add filter
        </button>
      </form>
      {checked &&
        ONLY.map((o) => (
          <button
            key={o.only}
            type="button"
            aria-pressed={view.only === o.only}
            className={`rounded border px-2 py-0.5 focus-visible:outline-2 ${view.only === o.only ? "border-sky-600 bg-sky-50 dark:bg-sky-950" : ""}`}
            onClick={() => setView({ ...view, only: view.only === o.only ? undefined : o.only })}
          >
            {o.label}
          </button>
        ))}
      {view.conditions.map((c, i) => (
        <button
          key={i}
          type="button"
          className="rounded-full border border-sky-400 px-2 py-0.5 focus-visible:outline-2"
          aria-label={`Remove filter ${c.column} ${c.op} ${c.value}`.trim()}
          onClick={() => setView({ ...view, conditions: view.conditions.filter((_, j) => j !== i) })}
        >
          {c.column} {c.op} {c.value} ×
        </button>
      ))}
    </div>
  );
}
