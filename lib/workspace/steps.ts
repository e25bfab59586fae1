import type { RunSummary } from "@/lib/engine/api";
import { formatCount, plural } from "@/lib/format";
import type { Recipe } from "@/lib/recipe/schema";
import type { StagedFile } from "@/lib/staging/staged-file";

/** The workspace's steps, in the order of the flow: each is a panel of its own. */
export const STEPS = ["stage", "validate", "transform", "review", "promote"] as const;
export type Step = (typeof STEPS)[number];

export const STEP_NAMES: Record<Step, string> = {
  stage: "Stage",
  validate: "Validate",
  transform: "Transform",
  review: "Review",
  promote: "Promote",
};

/** The step a URL fragment names (`#validate`); null for any other fragment (a share link's, or none). */
export function stepOfFragment(fragment: string): Step | null {
  const name = fragment.replace(/^#/, "");
  return (STEPS as readonly string[]).includes(name) ? (name as Step) : null;
}

/** The fragment that keeps a step in the address and in history. */
export const fragmentOf = (step: Step): string => `#${step}`;

/** Where a file opens before the user picks a step: how it was read when there is something to look at, else its rules. */
export function firstStep(file: Pick<StagedFile, "status" | "badLines" | "csv" | "ambiguousDates" | "sheetOrJsonFindings">): Step {
  if (file.status !== "ready") return "stage";
  const csv = file.csv;
  const readFindings = (file.badLines ?? 0) + (csv?.lines.repaired ?? 0) + (csv?.typeFindings.length ?? 0) + (csv?.secondTable ? 1 : 0) + (file.sheetOrJsonFindings?.length ?? 0);
  return readFindings > 0 || file.ambiguousDates ? "stage" : "validate";
}

export interface StepState {
  step: Step;
  name: string;
  /** What the step holds now, in counts. */
  state: string;
  /** The step has been worked on (or, for Promote, done). */
  done: boolean;
}

/** Each step's counts and state, for the flow's navigation. */
export function stepStates(file: StagedFile, recipe: Recipe | undefined, summary: RunSummary | null, promoted: string | null): StepState[] {
  const rules = recipe?.rules.filter((r) => r.enabled).length ?? 0;
  const steps = recipe?.steps.filter((s) => s.enabled).length ?? 0;
  const states: Record<Step, Omit<StepState, "step" | "name">> = {
    stage: {
      state: file.status === "ready" ? `${plural(file.rowCount ?? 0, "row")} in staging` : file.status === "error" ? "could not be read" : "reading…",
      done: file.status === "ready",
    },
    validate: {
      state: summary ? `${plural(rules, "rule")}: ${formatCount(summary.rejectedByRules)} rejected, ${formatCount(summary.warned)} warned` : plural(rules, "rule"),
      done: rules > 0,
    },
    transform: {
      state: `${plural(steps, "step")}${recipe?.sql ? " + SQL" : ""}${summary ? `: ${plural(summary.final, "final row")}` : ""}`,
      done: steps > 0 || !!recipe?.sql,
    },
    review: {
      state: summary ? `${formatCount(summary.rowsIn)} in = ${formatCount(summary.transformed)} + ${formatCount(summary.rejected)} rejected` : "after the recipe runs",
      done: summary !== null,
    },
    promote: { state: promoted ? `in the destination as ${promoted}` : "not promoted yet", done: promoted !== null },
  };
  return STEPS.map((step) => ({ step, name: STEP_NAMES[step], ...states[step] }));
}
