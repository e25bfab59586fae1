"use client";

import { useId, useState } from "react";
import { saveBlob } from "@/browser/download";
import type { Column } from "@/lib/datasets/manifest";
import type { Recipe } from "@/lib/recipe/schema";
import { exportTableSchema } from "@/lib/standards/table-schema";
import { controlClass, LabeledControl } from "./LabeledControl";

/** The vocabularies data teams already use, and what each export writes. */
const TARGETS = {
  tableSchema: { label: "Frictionless Table Schema (JSON)", file: (name: string) => `${name}.schema.json`, type: "application/json" },
  dbt: { label: "dbt schema.yml", file: () => "schema.yml", type: "application/yaml" },
  gx: { label: "Great Expectations suite (JSON)", file: (name: string) => `${name}.expectations.json`, type: "application/json" },
  soda: { label: "SodaCL checks (YAML)", file: (name: string) => `${name}.checks.yml`, type: "application/yaml" },
} as const;
type Target = keyof typeof TARGETS;

/** The writers of the other vocabularies (YAML's among them) load when one is asked for, not with the page. */
async function exported(target: Target, name: string, columns: readonly Column[], recipe: Recipe): Promise<string> {
  switch (target) {
    case "tableSchema":
      return `${JSON.stringify(exportTableSchema(columns, recipe.rules).schema, null, 2)}\n`;
    case "dbt":
      return (await import("@/lib/standards/dbt")).dbtSchemaYml(name, recipe.rules);
    case "gx":
      return `${JSON.stringify((await import("@/lib/standards/great-expectations")).greatExpectationsSuite(name, recipe.rules), null, 2)}\n`;
    case "soda":
      return (await import("@/lib/standards/soda")).sodaChecksYml(name, recipe.rules);
  }
}

/**
 * The recipe's rules (and, for a Table Schema, the file's columns) written in
 * another tool's vocabulary, downloaded as a file: what a tool cannot say is
 * a comment in it (or listed in its metadata).
 */
export function ExportChecks({ name, columns, recipe }: { name: string; columns: readonly Column[]; recipe: Recipe }) {
  const id = useId();
  const [target, setTarget] = useState<Target>("tableSchema");
  return (
    <section aria-labelledby={`${id}-heading`} className="space-y-2">
      <h3 id={`${id}-heading`} className="text-sm font-semibold">
        Rules for other tools
      </h3>
      <div className="flex flex-wrap items-end gap-2">
        <LabeledControl label="Write the rules as">
          {(selectId) => (
            <select id={selectId} className={controlClass} value={target} onChange={(e) => setTarget(e.target.value as Target)}>
              {Object.entries(TARGETS).map(([key, t]) => (
                <option key={key} value={key}>
                  {t.label}
                </option>
              ))}
            </select>
          )}
        </LabeledControl>
        <button
          type="button"
          className="rounded border border-slate-300 px-2 py-1 text-sm focus-visible:outline-2 dark:border-slate-700"
          onClick={async () => saveBlob(new Blob([await exported(target, name, columns, recipe)], { type: TARGETS[target].type }), TARGETS[target].file(name))}
        >
          Download the rules
        </button>
      </div>
    </section>
  );
}
