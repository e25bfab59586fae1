"use client";

import type { RunSummary } from "@/lib/engine/api";
import { formatCount, plural } from "@/lib/format";
import type { Recipe } from "@/lib/recipe/schema";
import type { StagedFile } from "@/lib/staging/staged-file";

/** Where the data is and what happens next: Stage → Validate → Transform → Promote, each with its counts. */
export function FlowSteps({ file, recipe, summary, promoted }: { file: StagedFile; recipe: Recipe | undefined; summary: RunSummary | null; promoted: string | null }) {
  const rules = recipe?.rules.filter((r) => r.enabled).length ?? 0;
  const steps = recipe?.steps.filter((s) => s.enabled).length ?? 0;
  const items = [
    { name: "Stage", state: `${plural(file.rowCount ?? 0, "row")} in staging (temporary)`, done: file.status === "ready" },
    {
      name: "Validate",
      state: summary ? `${plural(rules, "rule")}: ${formatCount(summary.rejectedByRules)} rejected, ${formatCount(summary.warned)} warned` : plural(rules, "rule"),
      done: rules > 0,
    },
    { name: "Transform", state: `${plural(steps, "step")}${recipe?.sql ? " + SQL" : ""}${summary ? `: ${plural(summary.final, "final row")}` : ""}`, done: steps > 0 || !!recipe?.sql },
    { name: "Promote", state: promoted ? `in the destination as ${promoted}` : "not promoted yet: Promote writes a new version", done: promoted !== null },
  ];
  const current = promoted ? 3 : items.findIndex((s, i) => i > 0 && !s.done);
  return (
    <ol aria-label="Flow" className="grid gap-1 text-xs sm:grid-cols-4">
      {items.map((s, i) => (
        <li
          key={s.name}
          aria-current={i === current ? "step" : undefined}
          className={`rounded border px-2 py-1 ${i === current ? "border-sky-600 bg-sky-50 dark:bg-sky-950" : "border-slate-200 dark:border-slate-800"}`}
        >
          <span className="font-semibold">
            {i + 1}. {s.name}
            {s.done ? " ✓" : ""}
          </span>
          <span className="block text-slate-600 dark:text-slate-400">{s.state}</span>
        </li>
      ))}
    </ol>
  );
}
