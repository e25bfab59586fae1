// The recipe the benchmark's flow runs (bench/browser.mjs) and its yardstick
// runs outside the app (bench/yardstick.ts): ten rules, then three steps and
// an aggregating SQL stage.
import type { Recipe, Rule, Step } from "../lib/recipe/schema";

export const TEN_RULES: Rule[] = [
  { id: "r1", kind: "required", column: "customer", severity: "reject", enabled: true },
  { id: "r2", kind: "required", column: "id", severity: "reject", enabled: true },
  { id: "r3", kind: "unique", column: "id", severity: "reject", enabled: true },
  { id: "r4", kind: "range", column: "amount", min: "0", max: "1000", severity: "reject", enabled: true },
  { id: "r5", kind: "range", column: "quantity", min: "0", max: "16", severity: "warn", enabled: true },
  { id: "r6", kind: "oneOf", column: "status", values: ["paid", "shipped", "refunded", "open"], severity: "reject", enabled: true },
  { id: "r7", kind: "oneOf", column: "city", values: ["Lyon", "Oslo", "Porto", "Kraków", "Zürich", "Tallinn", "Ghent", "Bilbao"], severity: "warn", enabled: true },
  { id: "r8", kind: "pattern", column: "customer", pattern: "^customer [0-9]+$", severity: "reject", enabled: true },
  { id: "r9", kind: "length", column: "status", min: 2, max: 10, severity: "warn", enabled: true },
  { id: "r10", kind: "expression", sql: "ordered_on <= CAST(updated_at AS DATE)", severity: "reject", enabled: true },
];

export const TRANSFORM: { steps: Step[]; sql: string } = {
  steps: [
    { kind: "trim", column: "city", enabled: true },
    { kind: "case", column: "status", to: "upper", enabled: true },
    { kind: "derive", name: "total", expression: "amount * quantity", enabled: true },
  ],
  sql: "SELECT city, status, count(*) AS orders, sum(total) AS revenue FROM transformed GROUP BY ALL ORDER BY ALL",
};

export const RULES_ONLY: Recipe = { version: 1, rules: TEN_RULES, steps: [], sql: null };
export const RULES_AND_TRANSFORM: Recipe = { ...RULES_ONLY, ...TRANSFORM };
