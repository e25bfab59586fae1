"use client";

import { useLiveQuery } from "dexie-react-hooks";
import { useEffect, useId, useState, type ReactNode } from "react";
import { getEngine } from "@/browser/engine-client";
import { TRANSFORMED_VIEW } from "@/lib/recipe/pipeline";
import type { Recipe } from "@/lib/recipe/schema";
import { describeError, type StagesError } from "@/lib/result";
import { consentItems, visible } from "@/lib/share/consent";
import { stagingDb } from "@/browser/staging-store";

type Inspection = { kind: "pending" } | { kind: "named"; names: string[] } | { kind: "refused"; error: StagesError };

const PART_WORDS = { rule: "Rule", step: "Step", sql: "SQL", edit: "Edited cell", read: "Reading" } as const;

/**
 * A recipe from someone else (a link, an imported file), shown whole before
 * anything of it runs: its name, every rule and step with its SQL verbatim,
 * the SQL stage, and which of the user's staged files it reads (its reference
 * rules' files, and what its SQL names by DuckDB's parser, in the engine's
 * check database). Nothing runs until the user agrees;
 * a recipe the check refuses cannot be agreed to.
 */
export function RecipeConsent({
  title,
  recipe,
  agreeLabel,
  declineLabel,
  onAgree,
  onDecline,
  children,
}: {
  title: string;
  recipe: Recipe;
  agreeLabel: string;
  declineLabel: string;
  onAgree: () => void;
  onDecline: () => void;
  children?: ReactNode;
}) {
  const id = useId();
  const [inspection, setInspection] = useState<Inspection>({ kind: "pending" });
  const staged = useLiveQuery(() => stagingDb().files.toArray(), []);

  useEffect(() => {
    let live = true;
    setInspection({ kind: "pending" });
    void getEngine()
      .inspectRecipe(recipe)
      .then((r) => live && setInspection(r.ok ? { kind: "named", names: r.value } : { kind: "refused", error: r.error }));
    return () => void (live = false);
  }, [recipe]);

  const items = consentItems(recipe);
  const named = inspection.kind === "named" ? inspection.names.filter((n) => n.toLowerCase() !== TRANSFORMED_VIEW) : [];
  const fileOf = (name: string) => staged?.find((f) => f.sqlName === name.toLowerCase());
  const pre = "mt-1 whitespace-pre-wrap break-all rounded bg-slate-100 p-2 font-mono text-xs dark:bg-slate-900";

  return (
    <div role="dialog" aria-modal="false" aria-labelledby={`${id}-title`} className="space-y-2 rounded-lg border-2 border-sky-600 bg-white p-4 text-sm dark:bg-slate-950">
      <h2 id={`${id}-title`} className="font-semibold">
        {title}
      </h2>
      <p>Nothing of it runs, and nothing is fetched, until you choose {agreeLabel}.</p>
      <div className="max-h-[60vh] space-y-2 overflow-y-auto pr-1" tabIndex={0} aria-label="Everything the recipe holds">
        <p>
          Recipe name: <strong>{recipe.name ? visible(recipe.name) : "(none)"}</strong>
        </p>
        {children}
        <h3 className="font-semibold">What it runs</h3>
        <ol className="list-decimal space-y-1 pl-5" aria-label="Rules, steps and SQL of the recipe">
          {items.map((item) => (
            <li key={`${item.part}${item.index}`}>
              {PART_WORDS[item.part]}
              {item.part === "sql" || item.part === "read" ? "" : ` ${item.index + 1}`}: {item.words}
              {!item.enabled && " (switched off)"}
              {item.sql.map((sql, i) => (
                <pre key={i} className={pre}>
                  {sql}
                </pre>
              ))}
            </li>
          ))}
          {items.length === 0 && <li>No rules, steps or SQL: the rows pass as they are.</li>}
        </ol>
        <h3 className="font-semibold">What it reads</h3>
        {inspection.kind === "pending" && <p role="status">Checking the recipe…</p>}
        {inspection.kind === "refused" && (
          <p role="alert">
            Stages refuses this recipe: {inspection.error.at ? `${PART_WORDS[inspection.error.at.part]} ${inspection.error.at.part === "sql" ? "" : inspection.error.at.index + 1}: ` : ""}
            {describeError(inspection.error)}
          </p>
        )}
        {inspection.kind === "named" && (
          <ul className="list-disc pl-5" aria-label="Staged files the recipe reads">
            <li>The rows of the file it is applied to, after its rules and steps ({TRANSFORMED_VIEW}).</li>
            {named.map((name) => {
              const file = fileOf(name);
              return (
                <li key={name}>
                  {file ? (
                    <>
                      Your staged file <strong>{file.name}</strong> (as <code>{file.sqlName}</code>)
                    </>
                  ) : (
                    <>
                      <code>{name}</code>: no staged file has this SQL name, so the recipe fails until one does
                    </>
                  )}
                </li>
              );
            })}
            {named.length === 0 && <li>None of your other staged files.</li>}
          </ul>
        )}
      </div>
      <div className="flex gap-2">
        <button
          type="button"
          disabled={inspection.kind !== "named"}
          className="rounded bg-accent px-3 py-1 font-medium text-white focus-visible:outline-2 disabled:opacity-50"
          onClick={onAgree}
        >
          {agreeLabel}
        </button>
        <button type="button" className="rounded border px-3 py-1 focus-visible:outline-2" onClick={onDecline}>
          {declineLabel}
        </button>
      </div>
    </div>
  );
}
