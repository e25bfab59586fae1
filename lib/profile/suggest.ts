import { isIntegerType, isNumericType, isTextType } from "@/lib/sql/types";
import type { Rule } from "@/lib/recipe/schema";
import type { CodeLabel } from "@/lib/staging/staged-file";
import type { ColumnProfile } from "./sql";

/**
 * Rules the data already keeps, offered for the user to accept: no nulls →
 * required; all values distinct in a column that may be a key (whole numbers,
 * text, UUIDs) → unique; few distinct text values → one of them; numbers →
 * between the seen minimum and maximum. A column of a statistical dataset's
 * labelled codes → one of the codes its value labels name (or of their labels,
 * where it is read as its labels): a code the labels miss is most often a mistake.
 */
export interface Suggestion {
  rule: Rule;
  why: string;
}

/** A rule without its id, severity and switch (distributed over the kinds). */
type RuleBody = Rule extends infer R ? (R extends Rule ? Omit<R, "id" | "severity" | "enabled"> : never) : never;

export function suggestRules(profiles: readonly ColumnProfile[], newId: () => string, labelled: { codeLabels?: Record<string, readonly CodeLabel[]>; asCodes?: boolean } = {}): Suggestion[] {
  const out: Suggestion[] = [];
  const add = (rule: RuleBody, why: string) =>
    out.push({ rule: { ...rule, id: newId(), severity: "reject", enabled: true } as Rule, why });
  for (const p of profiles) {
    if (p.count === 0) continue;
    const labels = labelled.codeLabels?.[p.name];
    if (labels?.length) {
      const values = [...new Set(labels.map((l) => (labelled.asCodes ? String(l.value) : l.label)))];
      add({ kind: "oneOf", column: p.name, values }, `the file's value labels name ${values.length} ${labelled.asCodes ? "codes" : "values"}`);
    }
    if (p.nulls === 0) add({ kind: "required", column: p.name }, `no empty values in ${p.count} rows`);
    // Amounts, measures and moments all differ in a sample as a matter of course: no key, and no rule to offer.
    if (p.nulls === 0 && !p.distinctApprox && p.distinct === p.count && p.count > 1 && mayBeKey(p.type)) {
      add({ kind: "unique", column: p.name }, `all ${p.count} values are different`);
    }
    const complete = p.top.reduce((n, t) => n + (t.value === null ? 0 : t.n), 0) === p.count - p.nulls;
    if (!labels?.length && isTextType(p.type) && p.distinct <= 10 && p.count >= 2 * p.distinct && complete && !p.distinctApprox) {
      const values = p.top.flatMap((t) => (t.value === null ? [] : [t.value]));
      add({ kind: "oneOf", column: p.name, values }, `only ${values.length} different values`);
    }
    if (isNumericType(p.type) && p.min !== null && p.max !== null) {
      add({ kind: "range", column: p.name, min: p.min, max: p.max }, `values seen run from ${p.min} to ${p.max}`);
    }
  }
  return out;
}

/** A column of this type may hold keys: whole numbers, text or UUIDs (not decimals, dates or times). */
const mayBeKey = (type: string) => isIntegerType(type) || isTextType(type) || type.toUpperCase() === "UUID";
