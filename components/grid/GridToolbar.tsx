"use client";

import { useState } from "react";
import type { Column } from "@/lib/datasets/manifest";
import { OPERATORS, type GridView, type Operator } from "@/lib/grid/view";

const field = "rounded border border-slate-300 bg-transparent px-1 py-0.5 text-xs dark:border-slate-700";

/** Search every column, and add or remove per-column conditions. */
export function GridToolbar({ label, columns, view, setView }: { label: string; columns: Column[]; view: GridView; setView: (v: GridView) => void }) {
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
