"use client";

import { useLiveQuery } from "dexie-react-hooks";
import { useId, useState } from "react";
import { saveBlob } from "@/browser/download";
import { loadRecipe } from "@/lib/recipe/load";
import type { Recipe } from "@/lib/recipe/schema";
import { saveRecipe, stagingDb } from "@/browser/staging-store";
import type { Notify } from "../notices";
import { RecipeConsent } from "../share/RecipeConsent";
import { controlClass as field, LabeledControl } from "./LabeledControl";

const button = "rounded border border-slate-300 px-2 py-1 text-sm focus-visible:outline-2 dark:border-slate-700";

/** Save the recipe by name, apply a saved one, export it as a file or import one. */
export function RecipeLibrary({ recipe, setRecipe, notify }: { recipe: Recipe; setRecipe: (r: Recipe) => void; notify: Notify }) {
  const id = useId();
  const saved = useLiveQuery(() => stagingDb().recipes.orderBy("name").toArray(), []);
  const [name, setName] = useState(recipe.name ?? "");
  const [chosen, setChosen] = useState("");
  // A recipe from a file is someone else's until the user has seen all of it and agreed (RecipeConsent).
  const [imported, setImported] = useState<{ recipe: Recipe; from: string } | null>(null);

  function apply(input: unknown, from: string, trusted: boolean) {
    const loaded = loadRecipe(input);
    if (!loaded.ok) return notify("error", `${from}: ${loaded.reason}`);
    if (!trusted) return setImported({ recipe: loaded.recipe, from });
    setRecipe(loaded.recipe);
    notify("info", `Applied the recipe from ${from}.`);
  }

  function importFile() {
    const picker = document.createElement("input");
    picker.type = "file";
    picker.accept = ".json,application/json";
    picker.onchange = () => {
      const file = picker.files?.[0];
      if (file) void file.text().then((text) => apply(text, file.name, false));
    };
    picker.click();
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
            void saveRecipe(stagingDb(), name.trim(), recipe).then(() => notify("info", `Saved the recipe as “${name.trim()}”.`))
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
        <button type="button" className={button} disabled={!chosen} onClick={() => apply(saved?.find((r) => r.name === chosen)?.recipe, `“${chosen}”`, true)}>
          Apply saved recipe
        </button>
        <button
          type="button"
          className={button}
          onClick={() => saveBlob(new Blob([JSON.stringify(recipe, null, 2)], { type: "application/json" }), `${name.trim() || "recipe"}.recipe.json`)}
        >
          Export recipe
        </button>
        <button type="button" className={button} onClick={importFile}>
          Import recipe
        </button>
      </div>
      {imported && (
        <RecipeConsent
          title={`Apply the recipe from ${imported.from}?`}
          recipe={imported.recipe}
          agreeLabel="Apply recipe"
          declineLabel="Don't apply"
          onAgree={() => {
            setRecipe(imported.recipe);
            notify("info", `Applied the recipe from ${imported.from}.`);
            setImported(null);
          }}
          onDecline={() => setImported(null)}
        />
      )}
    </section>
  );
}
