"use client";

import { useEffect, useId, useState } from "react";
import type { Recipe } from "@/lib/recipe/schema";
import { TRANSFORMED_VIEW } from "@/lib/recipe/pipeline";
import type { StagesError } from "@/lib/result";
import { SqlCodeEditor } from "./SqlCodeEditor";

interface Props {
  recipe: Recipe;
  setRecipe: (recipe: Recipe) => void;
  error: StagesError | null;
  /** Tables the SQL can read, with their columns, for completion. */
  schema: Record<string, string[]>;
}

/** The recipe's optional SQL stage, applied on request (Ctrl+Enter or the button). */
export function SqlEditor({ recipe, setRecipe, error, schema }: Props) {
  const id = useId();
  const [text, setText] = useState(recipe.sql ?? "");
  useEffect(() => setText(recipe.sql ?? ""), [recipe.sql]);
  const apply = () => setRecipe({ ...recipe, sql: text.trim() ? text : null });
  const sqlError = error?.at?.part === "sql" ? error : null;

  return (
    <section aria-labelledby={`${id}-heading`} className="space-y-1">
      <h3 id={`${id}-heading`} className="text-sm font-semibold">
        SQL
      </h3>
      <p id={`${id}-hint`} className="text-xs text-muted">
        Optional query over <code>{TRANSFORMED_VIEW}</code> (the valid rows after the steps), e.g.{" "}
        <code>SELECT * FROM {TRANSFORMED_VIEW}</code>. Other staged files are read by their SQL name, shown beside each file in the staging area. Ctrl+Enter
        runs it.
      </p>
      <SqlCodeEditor label="SQL query" value={text} schema={schema} defaultTable={TRANSFORMED_VIEW} invalid={sqlError !== null} onChange={setText} onRun={apply} />
      <div className="flex gap-2">
        <button type="button" className="rounded bg-accent px-3 py-1 text-sm font-medium text-white hover:bg-accent-strong focus-visible:outline-2" onClick={apply}>
          Run SQL
        </button>
        {recipe.sql && (
          <button type="button" className="rounded border px-3 py-1 text-sm focus-visible:outline-2" onClick={() => setRecipe({ ...recipe, sql: null })}>
            Remove SQL
          </button>
        )}
      </div>
      {sqlError && (
        <p role="alert" className="text-sm text-danger">
          {sqlError.line !== undefined ? `SQL line ${sqlError.line}${sqlError.position !== undefined ? `, position ${sqlError.position}` : ""}: ` : "SQL: "}
          {sqlError.message}
        </p>
      )}
    </section>
  );
}
