"use client";

import { useEffect, useId, useState } from "react";
import type { Recipe } from "@/lib/recipe/schema";
import { TRANSFORMED_VIEW } from "@/lib/recipe/pipeline";
import type { StagesError } from "@/lib/result";

interface Props {
  recipe: Recipe;
  setRecipe: (recipe: Recipe) => void;
  error: StagesError | null;
}

/** The recipe's optional SQL stage, applied on request (Ctrl+Enter or the button). */
export function SqlEditor({ recipe, setRecipe, error }: Props) {
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
      <label htmlFor={id} className="block text-xs text-slate-600 dark:text-slate-400">
        Optional query over <code>{TRANSFORMED_VIEW}</code> (the valid rows after the steps). Other staged files can be read by their file
        name without extension.
      </label>
      <textarea
        id={id}
        rows={4}
        spellCheck={false}
        value={text}
        placeholder={`SELECT * FROM ${TRANSFORMED_VIEW}`}
        aria-invalid={sqlError !== null}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) {
            e.preventDefault();
            apply();
          }
        }}
        className="w-full rounded border border-slate-300 bg-transparent p-2 font-mono text-sm dark:border-slate-700"
      />
      <div className="flex gap-2">
        <button type="button" className="rounded bg-sky-700 px-3 py-1 text-sm font-medium text-white hover:bg-sky-800 focus-visible:outline-2" onClick={apply}>
          Run SQL
        </button>
        {recipe.sql && (
          <button type="button" className="rounded border px-3 py-1 text-sm focus-visible:outline-2" onClick={() => setRecipe({ ...recipe, sql: null })}>
            Remove SQL
          </button>
        )}
      </div>
      {sqlError && (
        <p role="alert" className="text-sm text-red-700 dark:text-red-400">
          {sqlError.line !== undefined ? `SQL line ${sqlError.line}${sqlError.position !== undefined ? `, position ${sqlError.position}` : ""}: ` : "SQL: "}
          {sqlError.message}
        </p>
      )}
    </section>
  );
}
