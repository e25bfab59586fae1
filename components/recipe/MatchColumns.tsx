"use client";

import { useEffect, useId, useMemo, useState } from "react";
import { driftOf, partsOnMissing, proposeMatches, withoutParts, type Drift, type Expects, type MatchKind } from "@/lib/recipe/expects";
import type { Recipe } from "@/lib/recipe/schema";
import type { StagedFile } from "@/lib/staging/staged-file";
import type { ValueShape } from "@/lib/recipe/value-shape";
import { sampleShapes } from "./sample-shapes";
import { controlClass } from "./LabeledControl";

const KIND_WORDS: Record<MatchKind, string> = { same: "same name", remembered: "matched before", folded: "same letters", similar: "similar name", shape: "values alike" };
const MISSING = "";

/** Words for what changed between the recipe's columns and the file's. */
export function describeDrift(d: Drift): string {
  const parts = [
    d.renamed.length ? `renamed: ${d.renamed.map((r) => `${r.from} → ${r.to}`).join(", ")}` : "",
    d.added.length ? `new: ${d.added.join(", ")}` : "",
    d.missing.length ? `missing: ${d.missing.join(", ")}` : "",
    d.retyped.length ? `type changed: ${d.retyped.map((r) => `${r.name} ${r.from} → ${r.to}`).join(", ")}` : "",
    d.read.length ? `read differently: ${d.read.map((r) => `${r.option} ${r.from} → ${r.to}`).join(", ")}` : "",
  ].filter(Boolean);
  return parts.length ? parts.join("; ") : "no change";
}

interface Props {
  file: StagedFile;
  recipe: Recipe & { expects: Expects };
  remembered: Record<string, string>;
  onApply: (recipe: Recipe, rename: Record<string, string>, drift: Drift) => void;
  onCancel: () => void;
}

/**
 * A recipe built on other columns, applied to this file: each column it
 * expects is matched to one of the file's (proposed, with how sure), the
 * drift is stated, and rules and steps on a missing column are left out only
 * when the user agrees.
 */
export function MatchColumns(props: Props) {
  const { file } = props;
  const [shapes, setShapes] = useState<Record<string, ValueShape> | null>(null);
  useEffect(() => {
    let live = true;
    void sampleShapes(file).then((s) => live && setShapes(s));
    return () => void (live = false);
    // Read again, a file has other values: once per read, not per change of its record.
  }, [file.id, file.readCount]);
  // The proposals need the file's value shapes: the dialog opens with them.
  return shapes ? <MatchDialog {...props} shapes={shapes} /> : <p className="text-sm">Looking at the values of {file.name}…</p>;
}

function MatchDialog({ file, recipe, remembered, onApply, onCancel, shapes }: Props & { shapes: Record<string, ValueShape> }) {
  const id = useId();
  const columns = file.columns ?? [];
  const proposed = useMemo(() => proposeMatches(recipe.expects.columns, columns, remembered, undefined, shapes), [recipe, columns, remembered, shapes]);
  const [chosen, setChosen] = useState<(string | null)[]>(() => proposed.map((m) => m.actual));
  const [agreed, setAgreed] = useState(false);
  const matches = proposed.map((m, i) => ({ ...m, actual: chosen[i] ?? null, kind: chosen[i] === m.actual ? m.kind : null }));
  const drift = driftOf(recipe.expects, columns, file.parse, matches);
  const skipped = partsOnMissing(recipe, drift.missing);
  const taken = chosen.filter((c): c is string => !!c);
  const twice = taken.find((c, i) => taken.indexOf(c) !== i);

  return (
    <div role="dialog" aria-labelledby={`${id}-title`} className="space-y-2 rounded-lg border-2 border-sky-600 bg-white p-3 text-sm dark:bg-slate-950">
      <h3 id={`${id}-title`} className="font-semibold">
        Match the recipe&apos;s columns to {file.name}
      </h3>
      <table className="w-full text-xs">
        <caption className="sr-only">Each column the recipe expects, and the column of {file.name} that holds it</caption>
        <thead>
          <tr>
            <th className="text-left">The recipe expects</th>
            <th className="text-left">{file.name} has</th>
            <th className="text-left">Why</th>
          </tr>
        </thead>
        <tbody>
          {matches.map((m, i) => (
            <tr key={m.expected.name}>
              <td>
                {m.expected.name} <span className="text-muted">{m.expected.type}</span>
              </td>
              <td>
                <select
                  aria-label={`Column of ${file.name} for ${m.expected.name}`}
                  className={controlClass}
                  value={chosen[i] ?? MISSING}
                  onChange={(e) => setChosen(chosen.map((c, j) => (j === i ? e.target.value || null : c)))}
                >
                  <option value={MISSING}>missing</option>
                  {columns.map((c) => (
                    <option key={c.name} value={c.name}>
                      {c.name}
                    </option>
                  ))}
                </select>
              </td>
              <td>{m.actual ? (m.kind ? KIND_WORDS[m.kind] : "your choice") : "not in the file"}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p role="status" className="text-xs">
        Drift against the recipe: {describeDrift(drift)}.
      </p>
      {twice && <p role="alert" className="text-xs text-danger">{twice} is matched twice: one column of the file feeds one of the recipe&apos;s.</p>}
      {skipped.length > 0 && (
        <label className="flex items-start gap-1 text-xs">
          <input type="checkbox" checked={agreed} onChange={(e) => setAgreed(e.target.checked)} />
          Leave out what names a missing column ({drift.missing.join(", ")}): {skipped.map((p) => `${p.part} ${p.index + 1}`).join(", ")}
        </label>
      )}
      <div className="flex gap-2">
        <button
          type="button"
          disabled={!!twice || (skipped.length > 0 && !agreed)}
          className="rounded bg-accent px-3 py-1 font-medium text-white focus-visible:outline-2 disabled:opacity-50"
          onClick={() => onApply(withoutParts(recipe, skipped), Object.fromEntries(matches.flatMap((m) => (m.actual ? [[m.actual, m.expected.name]] : []))), drift)}
        >
          Apply with these matches
        </button>
        <button type="button" className="rounded border px-3 py-1 focus-visible:outline-2" onClick={onCancel}>
          Don&apos;t apply
        </button>
      </div>
    </div>
  );
}
