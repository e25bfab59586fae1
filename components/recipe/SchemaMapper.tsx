"use client";

import { useId, useState } from "react";
import { matchColumns, parseTargetSchema } from "@/lib/recipe/match-columns";
import type { Step } from "@/lib/recipe/schema";
import { controlClass } from "./LabeledControl";

type Target = { name: string; type: string; from: string | null };

/**
 * Map the columns onto a target schema: the user lists the target columns,
 * Stages proposes a source column for each by name similarity, the user
 * confirms or changes each one, and the mapping becomes a step.
 */
export function SchemaMapper({ columns, onAdd }: { columns: string[]; onAdd: (step: Step) => void }) {
  const id = useId();
  const [text, setText] = useState("");
  const [targets, setTargets] = useState<Target[] | null>(null);

  function propose() {
    const parsed = parseTargetSchema(text);
    const matches = matchColumns(columns, parsed.map((t) => t.name));
    setTargets(parsed.map((t, i) => ({ ...t, from: matches[i] ?? null })));
  }

  return (
    <details className="rounded border border-slate-200 p-2 text-sm dark:border-slate-800">
      <summary className="cursor-pointer text-xs font-semibold">Map onto a target schema</summary>
      <div className="mt-2 space-y-2">
        <label htmlFor={id} className="block text-xs">
          Target columns, one per line: name and type (e.g. <code>customer_id BIGINT</code>)
        </label>
        <textarea id={id} rows={4} className={`${controlClass} w-full font-mono`} value={text} onChange={(e) => setText(e.target.value)} />
        <button type="button" className="rounded border px-2 py-1 text-xs focus-visible:outline-2" disabled={!text.trim()} onClick={propose}>
          Match columns
        </button>
        {targets && targets.length > 0 && (
          <>
            <table className="text-xs">
              <caption className="text-left font-semibold">Confirm where each target column comes from</caption>
              <thead>
                <tr>
                  <th scope="col" className="pr-4 text-left">Target column</th>
                  <th scope="col" className="text-left">Source column</th>
                </tr>
              </thead>
              <tbody>
                {targets.map((t, i) => (
                  <tr key={t.name}>
                    <th scope="row" className="pr-4 text-left font-normal">
                      {t.name} <span className="text-muted">{t.type}</span>
                    </th>
                    <td>
                      <select
                        aria-label={`Source for ${t.name}`}
                        className={controlClass}
                        value={t.from ?? ""}
                        onChange={(e) => setTargets(targets.map((x, j) => (j === i ? { ...x, from: e.target.value || null } : x)))}
                      >
                        <option value="">(leave empty)</option>
                        {columns.map((c) => (
                          <option key={c} value={c}>
                            {c}
                          </option>
                        ))}
                      </select>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
            <button
              type="button"
              className="rounded bg-accent px-3 py-1 text-sm font-medium text-white hover:bg-accent-strong focus-visible:outline-2"
              onClick={() => {
                onAdd({ kind: "mapSchema", target: targets, enabled: true });
                setTargets(null);
                setText("");
              }}
            >
              Add mapping step
            </button>
          </>
        )}
      </div>
    </details>
  );
}
