"use client";

import { useLiveQuery } from "dexie-react-hooks";
import { useState } from "react";
import { plural } from "@/lib/format";
import { columnChanges, describeChanges } from "@/lib/recipe/column-changes";
import { describeError } from "@/lib/result";
import type { StagedFile } from "@/lib/staging/staged-file";
import { stagingDb } from "@/browser/staging-store";
import { PromotePanel } from "../destination/PromotePanel";
import { DataGrid } from "../grid/DataGrid";
import type { Notify } from "../notices";
import { RecipeLibrary } from "../recipe/RecipeLibrary";
import { SharePanel } from "../share/SharePanel";
import { RulesEditor } from "../recipe/RulesEditor";
import { SqlEditor } from "../recipe/SqlEditor";
import { StepsEditor } from "../recipe/StepsEditor";
import { summaryOf, useRecipe, useRecipeRun } from "../recipe/useRecipe";
import { ParsePanel } from "../staging/ParsePanel";
import { FlowSteps } from "./FlowSteps";
import { ProfilePanel } from "./ProfilePanel";
import { RejectedRows } from "./RejectedRows";
import { RunStatus } from "./RunStatus";

/** The other ready staged files by SQL name, with their columns: what the SQL stage may read, for completion. */
const readableSchema = (files: StagedFile[] | undefined, own: string): Record<string, string[]> =>
  Object.fromEntries((files ?? []).filter((f) => f.id !== own && f.status === "ready" && f.columns).map((f) => [f.sqlName, f.columns!.map((c) => c.name)]));

/** One staged file's pipeline: staged and final side by side, rules, steps, SQL, rejects, promotion. */
export function Workspace({ file, notify, onRemove, onAddFiles }: { file: StagedFile; notify: Notify; onRemove: () => void; onAddFiles: (files: File[]) => void }) {
  const staged = useLiveQuery(() => stagingDb().files.toArray(), []);
  const [recipe, setRecipe] = useRecipe(file.id);
  const { run, cancel, retry } = useRecipeRun(file.id, file.status === "ready" ? recipe : undefined, file.readCount);
  const summary = summaryOf(run);
  const error = run.kind === "failed" ? run.error : null;
  const stagedColumns = file.columns?.map((c) => c.name) ?? [];
  const stagedSource = { kind: "staged", fileId: file.id } as const;
  const [together, setTogether] = useState(true);
  const [share, setShare] = useState(0);
  const [promoted, setPromoted] = useState<string | null>(null);
  // Rows correspond one to one when nothing was rejected or removed and no SQL reshaped them.
  const corresponding = summary !== null && summary.rejected === 0 && summary.final === summary.rowsIn && !recipe?.sql;
  const sync = corresponding && together ? { share, onScroll: setShare } : undefined;

  return (
    <section aria-labelledby="workspace-heading" className="space-y-4">
      <h2 id="workspace-heading" className="text-base font-semibold">
        {file.name}
      </h2>
      <FlowSteps file={file} recipe={recipe} summary={summary} promoted={promoted} />
      {file.status === "reading" && <p className="text-sm">Reading {file.name}…</p>}
      {file.status !== "reading" && <ParsePanel
          key={file.readCount}
          file={file}
          notify={notify}
          onAddFiles={onAddFiles}
          onAddRule={recipe ? (rule) => setRecipe({ ...recipe, rules: [...recipe.rules, rule] }) : undefined}
        />}
      {file.status === "error" && file.error && (
        <p className="rounded border border-red-300 bg-red-50 p-2 text-sm text-red-900 dark:border-red-800 dark:bg-red-950 dark:text-red-100">
          {describeError(file.error)}
        </p>
      )}
      {file.status === "ready" && file.columns && (
        <>
          <p className="text-xs text-slate-600 dark:text-slate-400">
            {plural(file.rowCount ?? 0, "row")} · {plural(file.columns.length, "column")}: {file.columns.map((c) => `${c.name} ${c.type}`).join(", ")}
          </p>
          <RunStatus run={run} cancel={cancel} retry={retry} />
          {summary && recipe && (
            <p className="text-xs text-slate-600 dark:text-slate-400" data-testid="column-changes">
              Columns: {describeChanges(columnChanges(file.columns, summary.finalColumns, recipe.steps))}.
            </p>
          )}
          {corresponding && (
            <label className="flex items-center gap-1 text-xs">
              <input type="checkbox" checked={together} onChange={(e) => setTogether(e.target.checked)} />
              Scroll staged and final together (their rows correspond one to one)
            </label>
          )}
          <div className="grid gap-4 xl:grid-cols-2">
            <div className="min-w-0 space-y-1">
              <h3 className="text-sm font-semibold">Staged</h3>
              <DataGrid key={file.readCount} label="Staged data" source={{ kind: "staged", fileId: file.id }} columns={file.columns} rowCount={file.rowCount ?? 0} sync={sync} />
            </div>
            <div className="min-w-0 space-y-1">
              <h3 className="text-sm font-semibold">Final</h3>
              {summary ? (
                <DataGrid
                  label="Final data"
                  source={{ kind: "result", fileId: file.id, part: "final", runId: summary.runId }}
                  columns={summary.finalColumns}
                  rowCount={summary.final}
                  sync={sync}
                />
              ) : (
                <p className="text-sm text-slate-600 dark:text-slate-400">The final rows appear when the recipe has run.</p>
              )}
            </div>
          </div>
          {recipe && (
            <ProfilePanel
              key={file.readCount}
              staged={stagedSource}
              final={summary ? { kind: "result", fileId: file.id, part: "final", runId: summary.runId } : null}
              recipe={recipe}
              setRecipe={setRecipe}
            />
          )}
          {recipe && (
            <div className="grid gap-4 xl:grid-cols-2">
              <RulesEditor recipe={recipe} setRecipe={setRecipe} columns={stagedColumns} summary={summary} error={error} />
              <div className="space-y-4">
                <StepsEditor
                  recipe={recipe}
                  setRecipe={setRecipe}
                  columns={stagedColumns}
                  summary={summary}
                  error={error}
                />
                <SqlEditor
                  recipe={recipe}
                  setRecipe={setRecipe}
                  error={error}
                  schema={{ ...readableSchema(staged, file.id), transformed: (summary?.transformedColumns ?? file.columns).map((c) => c.name) }}
                />
              </div>
            </div>
          )}
          {summary && <RejectedRows fileId={file.id} summary={summary} notify={notify} />}
          {recipe && <RecipeLibrary recipe={recipe} setRecipe={setRecipe} notify={notify} />}
          {recipe && <SharePanel file={file} recipe={recipe} notify={notify} />}
          {recipe && <PromotePanel file={file} recipe={recipe} ready={run.kind === "done"} summary={summary} notify={notify} onRemoveSource={onRemove} onPromoted={setPromoted} />}
        </>
      )}
    </section>
  );
}
