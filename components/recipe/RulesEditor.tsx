"use client";

import { useState } from "react";
import { plural } from "@/lib/format";
import { buildRule, RULE_FORMS } from "@/lib/recipe/forms";
import { ruleMessage } from "@/lib/recipe/rules";
import type { Rule } from "@/lib/recipe/schema";
import { controlClass, LabeledControl } from "./LabeledControl";
import type { RecipeEditorProps } from "./editorProps";
import { ErrorAt } from "./ErrorAt";
import { SpecForm } from "./SpecForm";
import { rowsCaughtBy } from "./useRecipe";


/** Validation rules: the list with their failure counts, and a form to add one. */
export function RulesEditor({ recipe, setRecipe, columns, files, summary, error }: RecipeEditorProps & { files: Record<string, string[]> }) {
  const [severity, setSeverity] = useState<"reject" | "warn">("reject");
  const update = (index: number, rule: Rule | null) =>
    setRecipe({ ...recipe, rules: recipe.rules.flatMap((r, i) => (i !== index ? [r] : rule ? [rule] : [])) });

  return (
    <section aria-labelledby="rules-heading" className="space-y-2">
      <h3 id="rules-heading" className="text-sm font-semibold">
        Validation rules
      </h3>
      {summary?.tableFindings.map((f) => (
        <p key={f.ruleId} role="alert" className="text-sm text-danger">
          {f.message}
        </p>
      ))}
      {recipe.rules.length === 0 && <p className="text-xs text-muted">No rules yet: every row is valid.</p>}
      <ol className="space-y-1">
        {recipe.rules.map((rule, i) => (
          <li key={rule.id} className="rounded border border-slate-200 p-2 text-sm dark:border-slate-800">
            <div className="flex flex-wrap items-center gap-2">
              <input
                type="checkbox"
                aria-label={`Rule ${i + 1} enabled`}
                checked={rule.enabled}
                onChange={(e) => update(i, { ...rule, enabled: e.target.checked })}
              />
              <span className="min-w-0 flex-1">{ruleMessage(rule)}</span>
              <span className="text-xs text-muted">
                {summary && rule.kind !== "columns" ? `${plural(rowsCaughtBy(summary, rule.id), "row")} failing` : ""}
              </span>
              <select
                aria-label={`Rule ${i + 1} severity`}
                className="rounded border border-slate-300 bg-transparent text-xs dark:border-slate-700"
                value={rule.severity}
                onChange={(e) => update(i, { ...rule, severity: e.target.value as Rule["severity"] })}
              >
                <option value="reject">Rejects the row</option>
                <option value="warn">Only warns</option>
              </select>
              <button type="button" className="text-xs underline focus-visible:outline-2" aria-label={`Remove rule ${i + 1}`} onClick={() => update(i, null)}>
                Remove
              </button>
            </div>
            <ErrorAt error={error} part="rule" index={i} />
          </li>
        ))}
      </ol>
      <SpecForm
        legend="Add a rule"
        kindLabel="Rule"
        forms={RULE_FORMS}
        columns={columns}
        files={files}
        submitLabel="Add rule"
        extra={
          <LabeledControl label="When it fails">
            {(id) => (
              <select id={id} className={controlClass} value={severity} onChange={(e) => setSeverity(e.target.value as "reject" | "warn")}>
                <option value="reject">Reject the row</option>
                <option value="warn">Only warn</option>
              </select>
            )}
          </LabeledControl>
        }
        onSubmit={(kind, values) => {
          const rule = buildRule(kind, values, crypto.randomUUID().slice(0, 8), severity);
          if (typeof rule === "string") return rule;
          setRecipe({ ...recipe, rules: [...recipe.rules, rule] });
          return null;
        }}
      />
    </section>
  );
}
