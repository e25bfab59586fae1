"use client";

import { useLiveQuery } from "dexie-react-hooks";
import { useId, useState } from "react";
import { getEngine } from "@/browser/engine-client";
import { saveBlob } from "@/browser/download";
import { expectsOf, needsMatching, type Drift, type Expects } from "@/lib/recipe/expects";
import { describeReadOptions, readOptionsFrom } from "@/lib/recipe/read-options";
import { describeError, errorText } from "@/lib/result";
import type { StagedFile } from "@/lib/staging/staged-file";
import { loadRecipe } from "@/lib/recipe/load";
import { importTableSchema } from "@/lib/standards/table-schema";
import type { Recipe } from "@/lib/recipe/schema";
import { rememberMatches, saveRecipe, stagingDb, updateStagedFile } from "@/browser/staging-store";
import type { Notify } from "../notices";
import { RecipeConsent } from "../share/RecipeConsent";
import { controlClass as field, LabeledControl } from "./LabeledControl";
import { describeDrift, MatchColumns } from "./MatchColumns";
import { readUnderNames, recordDrift } from "./read-under-names";
import { sampleShapes } from "./sample-shapes";

const button = "rounded border border-slate-300 px-2 py-1 text-sm focus-visible:outline-2 dark:border-slate-700";

/**
 * Save the recipe by name (with the columns and read options it was built on), apply a saved one,
 * export it as a file or import one; a recipe built on other columns is matched to the file's first.
 */
export function RecipeLibrary({ file, recipe, setRecipe, notify }: { file: StagedFile; recipe: Recipe; setRecipe: (r: Recipe) => void; notify: Notify }) {
  const id = useId();
  const saved = useLiveQuery(() => stagingDb().recipes.orderBy("name").toArray(), []);
  const [name, setName] = useState(recipe.name ?? "");
  const [chosen, setChosen] = useState("");
  // A recipe from a file is someone else's until the user has seen all of it and agreed (RecipeConsent).
  const [imported, setImported] = useState<{ recipe: Recipe; from: string; notApplied?: string[] } | null>(null);
  const [matching, setMatching] = useState<{ recipe: Recipe; from: string; saved: string | null; file: StagedFile } | null>(null);
  const savedRecipe = saved?.find((r) => r.name === chosen);
  /** The recipe with what it is built on: this file's columns, what their values look like, and how it was read. */
  const withExpects = async (r: Recipe): Promise<Recipe> => (file.columns ? { ...r, expects: expectsOf(file.columns, file.parse, await sampleShapes(file)) } : r);

  function apply(input: unknown, from: string, trusted: boolean, savedName: string | null = null) {
    const loaded = loadRecipe(input);
    if (!loaded.ok) return notify("error", `${from}: ${loaded.reason}`);
    if (!trusted) return setImported({ recipe: loaded.recipe, from });
    void put(loaded.recipe, from, savedName);
  }
  async function put(next: Recipe, from: string, savedName: string | null) {
    const read = next.expects ? await readAsExpected(next.expects) : { file, applied: "" };
    if (needsMatching(next, read.file.columns ?? [])) return setMatching({ recipe: next, from, saved: savedName, file: read.file });
    setRecipe(next);
    if (file.drift) void updateStagedFile(stagingDb(), file.id, { drift: undefined });
    notify("info", `Applied the recipe from ${from}${read.applied ? `, ${file.name} read with its options: ${read.applied}` : ""}.`);
  }
  /** The file read as the recipe's file was (the user can still change how, in Stage); as before when that does not fit it. */
  async function readAsExpected(expects: Expects): Promise<{ file: StagedFile; applied: string }> {
    const options = readOptionsFrom(expects, file.parse, file.columns ?? []);
    if (Object.keys(options).length === 0) return { file, applied: "" };
    const read = await getEngine().reparse(file.id, { ...file.parse, ...options });
    if (read.ok && !read.value.error) return { file: read.value, applied: describeReadOptions(options) };
    const again = await getEngine().reparse(file.id, file.parse);
    const reason = read.ok ? read.value.error! : read.error;
    notify("error", `${file.name} does not read with the recipe's options (${describeReadOptions(options)}), so it is read as before: ${describeError(reason)}`);
    return { file: again.ok ? again.value : file, applied: "" };
  }
  async function applyMatched(next: Recipe, rename: Record<string, string>, drift: Drift, from: string, savedName: string | null, file: StagedFile) {
    setMatching(null);
    // The file takes the recipe's column names first (read again, renamed), then the recipe applies as it is.
    const error = await readUnderNames(file, rename);
    if (error) return notify("error", describeError(error));
    setRecipe(next);
    await recordDrift(file, drift, from);
    if (savedName) await rememberMatches(stagingDb(), savedName, rename);
    notify("info", `Applied the recipe from ${from} to ${file.name}, its columns matched: ${describeDrift(drift)}.`);
  }

  function pickJson(read: (text: string, name: string) => void) {
    const picker = document.createElement("input");
    picker.type = "file";
    picker.accept = ".json,application/json";
    picker.onchange = () => {
      const file = picker.files?.[0];
      if (file) void file.text().then((text) => read(text, file.name));
    };
    picker.click();
  }
  /** A Table Schema's fields and constraints become the recipe's expected columns and rules (its steps and SQL stay). */
  function applyTableSchema(text: string, from: string) {
    const schema = importTableSchema(text);
    if (!schema.ok) return notify("error", `${from}: ${schema.reason}`);
    const { columns, rules, nullValues, notApplied } = schema.value;
    setImported({ recipe: { ...recipe, rules, expects: { columns, read: nullValues.length ? { nullValues } : {} } }, from, notApplied });
  }

  return (
    <section aria-labelledby={`${id}-heading`} className="space-y-2">
      <h3 id={`${id}-heading`} className="text-sm font-semibold">
        Recipe
      </h3>
      <div className="flex flex-wrap items-end gap-2">
        <LabeledControl label="Recipe name">
          {(inputId) => <input id={inputId} className={field} value={name} onChange={(e) => setName(e.target.value)} />}
        </LabeledControl>
        <button
          type="button"
          className={button}
          disabled={!name.trim()}
          onClick={() =>
            void withExpects(recipe)
              .then((r) => saveRecipe(stagingDb(), name.trim(), r))
              .then(
                () => notify("info", `Saved the recipe as “${name.trim()}”.`),
                (error: unknown) => notify("error", `The recipe could not be saved: ${errorText(error)}`),
              )
          }
        >
          Save recipe
        </button>
        <LabeledControl label="Saved recipes">
          {(selectId) => (
            <select id={selectId} className={field} value={chosen} onChange={(e) => setChosen(e.target.value)}>
              <option value="">Choose…</option>
              {saved?.map((r) => (
                <option key={r.name} value={r.name}>
                  {r.name}
                </option>
              ))}
            </select>
          )}
        </LabeledControl>
        <button type="button" className={button} disabled={!chosen} onClick={() => apply(savedRecipe?.recipe, `“${chosen}”`, true, chosen)}>
          Apply saved recipe
        </button>
        <button
          type="button"
          className={button}
          onClick={() =>
            void withExpects(recipe).then(
              (r) => saveBlob(new Blob([JSON.stringify(r, null, 2)], { type: "application/json" }), `${name.trim() || "recipe"}.recipe.json`),
              (error: unknown) => notify("error", `The recipe could not be exported: ${errorText(error)}`),
            )
          }
        >
          Export recipe
        </button>
        <button type="button" className={button} onClick={() => pickJson((text, from) => apply(text, from, false))}>
          Import recipe
        </button>
        <button type="button" className={button} onClick={() => pickJson(applyTableSchema)}>
          Import Table Schema
        </button>
      </div>
      {imported && (
        <RecipeConsent
          title={`Apply the recipe from ${imported.from}?`}
          recipe={imported.recipe}
          agreeLabel="Apply recipe"
          declineLabel="Don't apply"
          onAgree={() => {
            setImported(null);
            void put(imported.recipe, imported.from, null);
          }}
          onDecline={() => setImported(null)}
        >
          {imported.notApplied?.length ? (
            <>
              <h3 className="font-semibold">What Stages cannot check, left out</h3>
              <ul className="list-disc pl-5" aria-label="Left out of the schema">
                {imported.notApplied.map((line) => (
                  <li key={line}>{line}</li>
                ))}
              </ul>
            </>
          ) : null}
        </RecipeConsent>
      )}
      {matching && (
        <MatchColumns
          file={matching.file}
          recipe={matching.recipe as Recipe & { expects: NonNullable<Recipe["expects"]> }}
          remembered={(matching.saved && saved?.find((r) => r.name === matching.saved)?.matches) || {}}
          onApply={(next, rename, drift) => void applyMatched(next, rename, drift, matching.from, matching.saved, matching.file)}
          onCancel={() => setMatching(null)}
        />
      )}
    </section>
  );
}
