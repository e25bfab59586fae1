// The recipes the benchmark's flow runs (bench/browser.mjs) and its yardstick
// runs outside the app (bench/yardstick.ts), one per shape of file
// (bench/generate.mjs): ten rules, then three steps and an aggregating SQL stage.
import type { Recipe, Rule, Step, StepBody } from "../lib/recipe/schema";

export interface Flow {
  rules: Rule[];
  transform: { steps: Step[]; sql: string };
}

type RuleBody = Rule extends infer R ? (R extends Rule ? Omit<R, "id" | "enabled"> : never) : never;
const rules = (...bodies: RuleBody[]): Rule[] => bodies.map((b, i) => ({ ...b, id: `r${i + 1}`, enabled: true }) as Rule);
const steps = (...bodies: StepBody[]): Step[] => bodies.map((b) => ({ ...b, enabled: true }) as Step);

export const FLOWS: Record<string, Flow> = {
  orders: {
    rules: rules(
      { kind: "required", column: "customer", severity: "reject" },
      { kind: "required", column: "id", severity: "reject" },
      { kind: "unique", column: "id", severity: "reject" },
      { kind: "range", column: "amount", min: "0", max: "1000", severity: "reject" },
      { kind: "range", column: "quantity", min: "0", max: "16", severity: "warn" },
      { kind: "oneOf", column: "status", values: ["paid", "shipped", "refunded", "open"], severity: "reject" },
      { kind: "oneOf", column: "city", values: ["Lyon", "Oslo", "Porto", "Kraków", "Zürich", "Tallinn", "Ghent", "Bilbao"], severity: "warn" },
      { kind: "pattern", column: "customer", pattern: "^customer [0-9]+$", severity: "reject" },
      { kind: "length", column: "status", min: 2, max: 10, severity: "warn" },
      { kind: "expression", sql: "ordered_on <= CAST(updated_at AS DATE)", severity: "reject" },
    ),
    transform: {
      steps: steps({ kind: "trim", column: "city" }, { kind: "case", column: "status", to: "upper" }, { kind: "derive", name: "total", expression: "amount * quantity" }),
      sql: "SELECT city, status, count(*) AS orders, sum(total) AS revenue FROM transformed GROUP BY ALL ORDER BY ALL",
    },
  },
  events: {
    rules: rules(
      { kind: "required", column: "id", severity: "reject" },
      { kind: "unique", column: "id", severity: "reject" },
      { kind: "required", column: "name", severity: "reject" },
      { kind: "range", column: "amount", min: "0", max: "10000", severity: "reject" },
      { kind: "pattern", column: "code", pattern: "^[A-H][W-Z]$", severity: "reject" },
      { kind: "length", column: "name", min: 2, max: 40, severity: "warn" },
      { kind: "pattern", column: "comment", pattern: "^[a-z]+, [a-z]+ [0-9]+$", severity: "reject" },
      { kind: "oneOf", column: "active", values: ["true", "false"], severity: "warn" },
      { kind: "range", column: "id", min: "0", max: "1000000000000", severity: "warn" },
      { kind: "expression", sql: "happened_at >= TIMESTAMP '2025-01-01'", severity: "reject" },
    ),
    transform: {
      steps: steps({ kind: "trim", column: "name" }, { kind: "case", column: "code", to: "lower" }, { kind: "derive", name: "amount_eur", expression: "amount * 0.9" }),
      sql: "SELECT code, active, count(*) AS n, sum(amount_eur) AS total FROM transformed GROUP BY ALL ORDER BY ALL",
    },
  },
  wide: {
    rules: rules(
      { kind: "required", column: "c0", severity: "reject" },
      { kind: "unique", column: "c0", severity: "warn" },
      { kind: "range", column: "c1", min: "0", max: "1000", severity: "reject" },
      { kind: "pattern", column: "c2", pattern: "^[a-z]+[0-9]+$", severity: "reject" },
      { kind: "required", column: "c3", severity: "reject" },
      { kind: "oneOf", column: "c4", values: ["true", "false"], severity: "warn" },
      { kind: "range", column: "c5", min: "0", max: "1000003", severity: "warn" },
      { kind: "length", column: "c7", min: 2, max: 20, severity: "warn" },
      { kind: "range", column: "c101", min: "0", max: "1000", severity: "reject" },
      { kind: "expression", sql: "c3 <= DATE '2030-01-01'", severity: "reject" },
    ),
    transform: {
      steps: steps({ kind: "trim", column: "c2" }, { kind: "case", column: "c7", to: "upper" }, { kind: "derive", name: "d", expression: "c1 * 2" }),
      sql: "SELECT c4, count(*) AS n, sum(d) AS total FROM transformed GROUP BY ALL ORDER BY ALL",
    },
  },
  text: {
    rules: rules(
      { kind: "required", column: "id", severity: "reject" },
      { kind: "unique", column: "id", severity: "reject" },
      { kind: "required", column: "title", severity: "reject" },
      { kind: "required", column: "body", severity: "reject" },
      { kind: "length", column: "body", min: 100, max: 5000, severity: "warn" },
      { kind: "pattern", column: "title", pattern: "^[a-z]+ report [0-9]+$", severity: "reject" },
      { kind: "range", column: "id", min: "0", max: "1000000000000", severity: "warn" },
      { kind: "length", column: "title", min: 1, max: 100, severity: "warn" },
      { kind: "pattern", column: "body", pattern: ",", severity: "warn" },
      { kind: "expression", sql: "length(body) > 0", severity: "reject" },
    ),
    transform: {
      steps: steps({ kind: "trim", column: "title" }, { kind: "case", column: "title", to: "upper" }, { kind: "derive", name: "size", expression: "length(body)" }),
      sql: "SELECT size // 1000 AS k, count(*) AS n, sum(size) AS total FROM transformed GROUP BY ALL ORDER BY ALL",
    },
  },
};

export const rulesOnly = (flow: Flow): Recipe => ({ version: 1, rules: flow.rules, steps: [], sql: null });
export const rulesAndTransform = (flow: Flow): Recipe => ({ ...rulesOnly(flow), ...flow.transform });
