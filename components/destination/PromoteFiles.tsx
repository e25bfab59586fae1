"use client";

import { useLiveQuery } from "dexie-react-hooks";
import { useId, useState } from "react";
import { announceDatasetsChanged } from "@/browser/dataset-changes";
import { getEngine, progress, taskFor } from "@/browser/engine-client";
import { stagingDb } from "@/browser/staging-store";
import { expectsOf, type Drift } from "@/lib/recipe/expects";
import { checkDatasetName, suggestDatasetName } from "@/lib/datasets/name";
import type { Manifest } from "@/lib/datasets/manifest";
import type { Progress } from "@/lib/engine/api";
import { formatCount, plural } from "@/lib/format";
import { describeProgress, progressOf } from "@/lib/progress";
import type { Recipe } from "@/lib/recipe/schema";
import { describeError } from "@/lib/result";
import type { StagedFile } from "@/lib/staging/staged-file";
import type { Notify } from "../notices";
import { describeDrift, MatchColumns } from "../recipe/MatchColumns";
import { readUnderNames, recordDrift } from "../recipe/read-under-names";

const header = (f: StagedFile) => JSON.stringify(f.columns ?? []);
const sameColumns = (a: StagedFile, b: StagedFile) => header(a) === header(b);

/**
 * Several staged files through this file's recipe into one version of the
 * dataset (a folder of monthly files, say): rows appended, each with its
 * file's name in `_source_file`, and each file's rows in, promoted and
 * rejected shown, as the manifest keeps them. Files whose columns differ are
 * matched to this file's once per distinct header (lib/recipe/expects.ts),
 * and read again under this file's names.
 */
export function PromoteFiles({ file, recipe, datasetName, notify }: { file: StagedFile; recipe: Recipe; datasetName: string; notify: Notify }) {
  const id = useId();
  const staged = useLiveQuery(() => stagingDb().files.orderBy("addedAt").toArray(), []);
  const others = (staged ?? []).filter((f) => f.id !== file.id && f.status === "ready");
  const [chosen, setChosen] = useState<Set<string>>(new Set());
  const [running, setRunning] = useState<{ controller: AbortController; progress: Progress | null; startedAt: number } | null>(null);
  const [into, setInto] = useState<"one" | "each">("one");
  const [done, setDone] = useState<{ title: string; files: { name: string; rows: { in: number; promoted: number; rejected: number } }[] } | null>(null);
  const [matching, setMatching] = useState<StagedFile[] | null>(null);
  const picked = others.filter((f) => chosen.has(f.id) && sameColumns(f, file));
  const nameError = checkDatasetName(datasetName);
  // The files that need their columns matched, one group per distinct header.
  const headers = [...Map.groupBy(others.filter((f) => !sameColumns(f, file)), header).values()];
  if (others.length === 0) return null;

  /** Each file of a header read again with the matched names: then it has this file's columns. */
  async function matched(group: StagedFile[], rename: Record<string, string>, drift: Drift) {
    setMatching(null);
    for (const f of group) {
      const error = await readUnderNames(f, rename);
      if (error) return notify("error", describeError(error));
      await recordDrift(f, drift, `matched to ${file.name}`);
    }
    notify("info", `Matched the columns of ${group.map((f) => f.name).join(", ")} to ${file.name}'s: ${describeDrift(drift)}.`);
  }

  async function promote() {
    const controller = new AbortController();
    const onProgress = progress((p) => setRunning(progressOf(controller, p)));
    setRunning({ controller, progress: null, startedAt: performance.now() });
    setDone(null);
    const files = [file, ...picked];
    if (into === "one") {
      const result = await getEngine().promoteFiles(files.map((f) => f.id), recipe, datasetName, taskFor(controller.signal), onProgress);
      setRunning(null);
      if (!result.ok) return notify("error", describeError(result.error));
      const m = result.value;
      notify("info", `Promoted ${m.name} v${m.version} from ${plural(m.sources.length, "file")}: ${plural(m.rows.promoted, "row")} promoted of ${formatCount(m.rows.in)} in, ${formatCount(m.rows.rejected)} rejected.`);
      announceDatasetsChanged();
      return setDone({ title: `${m.name} v${m.version}: the rows of each file`, files: m.sources.map((s) => ({ name: s.name, rows: s.rows ?? { in: 0, promoted: 0, rejected: 0 } })) });
    }
    // A dataset each, named after its file; the recipe's cell edits belong to this file only.
    const promoted: Manifest[] = [];
    for (const [i, f] of files.entries()) {
      const result = await getEngine().promote(f.id, i === 0 ? recipe : { ...recipe, edits: undefined }, suggestDatasetName(f.name), taskFor(controller.signal), onProgress);
      if (!result.ok) {
        setRunning(null);
        return notify("error", `${f.name}: ${describeError(result.error)}`);
      }
      promoted.push(result.value);
      announceDatasetsChanged();
    }
    setRunning(null);
    notify("info", `Promoted ${plural(promoted.length, "dataset")}: ${promoted.map((m) => `${m.name} v${m.version}`).join(", ")}.`);
    setDone({ title: "A dataset each: the rows of each file", files: promoted.map((m) => ({ name: m.sources[0]!.name, rows: m.rows })) });
  }

  return (
    <section aria-labelledby={`${id}-heading`} className="space-y-2 text-sm">
      <h3 id={`${id}-heading`} className="font-semibold">
        Several files, one dataset
      </h3>
      <fieldset className="space-y-1">
        <legend className="text-xs">With {file.name}, through its recipe, into one version of “{datasetName}”:</legend>
        {others.map((f) => {
          const fits = sameColumns(f, file);
          return (
            <label key={f.id} className="flex items-center gap-2 text-xs">
              <input
                type="checkbox"
                disabled={!fits}
                checked={fits && chosen.has(f.id)}
                aria-describedby={fits ? undefined : `${id}-${f.id}`}
                onChange={(e) => setChosen((s) => new Set(e.target.checked ? [...s, f.id] : [...s].filter((x) => x !== f.id)))}
              />
              {f.name} · {plural(f.rowCount ?? 0, "row")}
              {!fits && (
                <span id={`${id}-${f.id}`} className="text-muted">
                  (other columns: match them first)
                </span>
              )}
            </label>
          );
        })}
      </fieldset>
      {headers.map((group) => (
        <button key={header(group[0]!)} type="button" className="rounded border px-2 py-0.5 text-xs focus-visible:outline-2" onClick={() => setMatching(group)}>
          Match the columns of {group.map((f) => f.name).join(", ")}
        </button>
      ))}
      {matching && (
        <MatchColumns
          file={matching[0]!}
          recipe={{ ...recipe, expects: expectsOf(file.columns ?? [], file.parse) }}
          remembered={{}}
          onApply={(_, rename, drift) => void matched(matching, rename, drift)}
          onCancel={() => setMatching(null)}
        />
      )}
      <fieldset className="flex flex-wrap gap-3 text-xs">
        <legend className="sr-only">Promote them into</legend>
        <label className="flex items-center gap-1">
          <input type="radio" name={`${id}-into`} checked={into === "one"} onChange={() => setInto("one")} />
          one version of “{datasetName}” (each row with its file in _source_file)
        </label>
        <label className="flex items-center gap-1">
          <input type="radio" name={`${id}-into`} checked={into === "each"} onChange={() => setInto("each")} />
          a dataset each, named after its file
        </label>
      </fieldset>
      <div className="flex flex-wrap items-center gap-2">
        <button
          type="button"
          disabled={picked.length === 0 || running !== null || nameError !== null}
          className="rounded bg-promote px-3 py-1 text-sm font-medium text-white hover:bg-promote-strong focus-visible:outline-2 disabled:opacity-50"
          onClick={() => void promote()}
        >
          {into === "one" ? `Promote ${plural(picked.length + 1, "file")} as one version` : `Promote ${plural(picked.length + 1, "file")}, a dataset each`}
        </button>
        {running && (
          <button type="button" className="rounded border px-2 py-1 text-xs focus-visible:outline-2" onClick={() => running.controller.abort()}>
            Cancel promotion
          </button>
        )}
        {running?.progress && <span className="text-xs text-muted">{describeProgress(running.progress, performance.now() - running.startedAt)}</span>}
      </div>
      {done && (
        <table className="w-full text-xs">
          <caption className="text-left font-medium">{done.title}</caption>
          <thead>
            <tr>
              <th className="text-left">File</th>
              <th className="text-right">Rows in</th>
              <th className="text-right">Promoted</th>
              <th className="text-right">Rejected</th>
            </tr>
          </thead>
          <tbody>
            {done.files.map((f) => (
              <tr key={f.name}>
                <th scope="row" className="text-left font-normal">
                  {f.name}
                </th>
                <td className="text-right">{formatCount(f.rows.in)}</td>
                <td className="text-right">{formatCount(f.rows.promoted)}</td>
                <td className="text-right">{formatCount(f.rows.rejected)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
