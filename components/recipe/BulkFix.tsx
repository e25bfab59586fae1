"use client";

import { useId, useState } from "react";
import { getEngine } from "@/browser/engine-client";
import { formatCount, plural } from "@/lib/format";
import { describeFix, MAX_FIX_CELLS, type BulkFix as Fix, type FixScope } from "@/lib/recipe/bulk-fix";
import type { FixPreview } from "@/lib/engine/api";
import type { GridView } from "@/lib/grid/view";
import type { Recipe } from "@/lib/recipe/schema";
import { describeError } from "@/lib/result";
import type { StagedFile } from "@/lib/staging/staged-file";
import { controlClass, LabeledControl } from "./LabeledControl";

const KINDS = [
  { kind: "replaceValue", label: "Replace a value" },
  { kind: "findReplace", label: "Find and replace text" },
  { kind: "fillEmpty", label: "Fill empty cells" },
  { kind: "trim", label: "Trim spaces" },
  { kind: "upper", label: "Change to upper case" },
  { kind: "lower", label: "Change to lower case" },
] as const;
type Kind = (typeof KINDS)[number]["kind"];

const fixOf = (kind: Kind, a: string, b: string): Fix =>
  kind === "replaceValue" ? { kind, from: a, to: b } : kind === "findReplace" ? { kind, find: a, with: b } : kind === "fillEmpty" ? { kind, value: a } : kind === "trim" ? { kind } : { kind: "case", to: kind };

/** The rows the staged grid shows when it is sorted or filtered: its view, and how many rows it leaves. */
export interface ShownRows {
  view: GridView;
  rows: number;
}

/**
 * Fix many cells of one column at once, in the rows where a rule failed on
 * it, in the rows the staged grid's filter shows, or in every row: the
 * preview says how many cells change before anything does; applied, each
 * changed cell is an edit in the recipe.
 */
export function BulkFix({ file, recipe, setRecipe, shown }: { file: StagedFile; recipe: Recipe; setRecipe: (recipe: Recipe) => void; shown: ShownRows | null }) {
  const id = useId();
  const columns = file.columns ?? [];
  const [column, setColumn] = useState(columns[0]?.name ?? "");
  const [kind, setKind] = useState<Kind>("replaceValue");
  const [a, setA] = useState("");
  const [b, setB] = useState("");
  const [chosenScope, setScope] = useState<FixScope>("failing");
  // The grid's filter cleared: its rows are every row again, and the choice falls back to the failing ones.
  const scope = chosenScope === "shown" && !shown ? "failing" : chosenScope;
  const [preview, setPreview] = useState<(FixPreview & { what: string }) | string | null>(null);
  const fields = kind === "replaceValue" ? ["Value", "Replace with"] : kind === "findReplace" ? ["Find", "Replace with"] : kind === "fillEmpty" ? ["Fill with"] : [];
  const changed = () => setPreview(null);

  async function look() {
    const fix = fixOf(kind, a, b);
    const result = await getEngine().previewFix(file.id, column, fix, scope, recipe.edits ?? [], scope === "shown" ? shown?.view : undefined);
    if (!result.ok) return setPreview(describeError(result.error));
    setPreview({ ...result.value, what: `${column}: ${describeFix(fix)}` });
  }
  function apply() {
    if (!preview || typeof preview === "string") return;
    const at = new Date().toISOString();
    setRecipe({ ...recipe, edits: [...(recipe.edits ?? []), ...preview.edits.map((e) => ({ ...e, at }))] });
    setPreview(null);
  }

  return (
    <fieldset className="space-y-2 rounded border border-slate-200 p-2 dark:border-slate-800">
      <legend className="px-1 text-sm font-semibold">Fix many cells</legend>
      <div className="flex flex-wrap gap-2">
        <LabeledControl label="Column to fix">
          {(cid) => (
            <select id={cid} className={controlClass} value={column} onChange={(e) => (setColumn(e.target.value), changed())}>
              {columns.map((c) => (
                <option key={c.name}>{c.name}</option>
              ))}
            </select>
          )}
        </LabeledControl>
        <LabeledControl label="Fix">
          {(cid) => (
            <select id={cid} className={controlClass} value={kind} onChange={(e) => (setKind(e.target.value as Kind), changed())}>
              {KINDS.map((k) => (
                <option key={k.kind} value={k.kind}>
                  {k.label}
                </option>
              ))}
            </select>
          )}
        </LabeledControl>
        {fields.map((label, i) => (
          <LabeledControl key={label} label={label}>
            {(cid) => <input id={cid} className={`${controlClass} w-28`} value={i === 0 ? a : b} onChange={(e) => ((i === 0 ? setA : setB)(e.target.value), changed())} />}
          </LabeledControl>
        ))}
        <LabeledControl label="In">
          {(cid) => (
            <select id={cid} className={controlClass} value={scope} onChange={(e) => (setScope(e.target.value as FixScope), changed())}>
              <option value="failing">rows where a rule fails on it</option>
              {shown && <option value="shown">rows the staged grid shows ({formatCount(shown.rows)})</option>}
              <option value="all">every row</option>
            </select>
          )}
        </LabeledControl>
      </div>
      <div className="flex flex-wrap items-center gap-2 text-xs">
        <button type="button" className="rounded border px-2 py-0.5 focus-visible:outline-2" disabled={!column} onClick={() => void look()}>
          Preview the fix
        </button>
        {preview && typeof preview !== "string" && preview.count > 0 && preview.count <= MAX_FIX_CELLS && (
          <button type="button" className="rounded bg-accent px-2 py-0.5 font-medium text-white focus-visible:outline-2" onClick={apply}>
            Apply to {plural(preview.count, "cell")}
          </button>
        )}
      </div>
      <p id={`${id}-preview`} role="status" className="text-xs">
        {typeof preview === "string"
          ? preview
          : preview &&
            (preview.count === 0
              ? `${preview.what}: no cell would change.`
              : preview.count > MAX_FIX_CELLS
                ? `${preview.what}: ${formatCount(preview.count)} cells, more than ${formatCount(MAX_FIX_CELLS)} at once: narrow it to the rows where a rule fails, or fix the data at its source.`
                : `${preview.what}: ${plural(preview.count, "cell")} will change, e.g. ${preview.edits
                    .slice(0, 3)
                    .map((e) => `row ${e.row} “${e.from ?? "null"}” → “${e.to ?? "null"}”`)
                    .join(", ")}.`)}
      </p>
    </fieldset>
  );
}
