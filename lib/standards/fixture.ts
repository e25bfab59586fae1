import type { Rule } from "@/lib/recipe/schema";

/** One rule of every kind, as the exports' tests and golden files read them. */
export const EVERY_RULE: Rule[] = [
  { id: "r1", kind: "required", column: "id", severity: "reject", enabled: true },
  { id: "r2", kind: "unique", column: "id", severity: "reject", enabled: true },
  { id: "r3", kind: "type", column: "ordered_on", type: "date", format: "%d/%m/%Y", severity: "reject", enabled: true },
  { id: "r4", kind: "range", column: "amount", min: "0", max: "1000", severity: "reject", enabled: true },
  { id: "r5", kind: "length", column: "status", min: 2, max: 10, severity: "warn", enabled: true },
  { id: "r6", kind: "pattern", column: "customer", pattern: "^customer [0-9]+$", severity: "reject", enabled: true },
  { id: "r7", kind: "oneOf", column: "status", values: ["paid", "shipped", "open"], severity: "reject", enabled: true },
  { id: "r8", kind: "expression", sql: "amount * quantity < 10000", severity: "reject", enabled: true },
  { id: "r9", kind: "uniqueKey", columns: ["customer", "ordered_on"], severity: "warn", enabled: true },
  { id: "r10", kind: "columns", expected: ["id", "customer", "amount", "quantity", "status", "ordered_on"], allowExtra: false, severity: "reject", enabled: true },
  { id: "r11", kind: "required", column: "quantity", severity: "reject", enabled: false },
  { id: "r12", kind: "reference", column: "customer", file: "customers", field: "name", severity: "reject", enabled: true },
  { id: "r13", kind: "reference", column: "customer", file: "visits", field: "who", moreKeys: [{ column: "ordered_on", field: "day" }], severity: "reject", enabled: true },
];

export const EVERY_RULE_COLUMNS = [
  { name: "id", type: "BIGINT" },
  { name: "customer", type: "VARCHAR" },
  { name: "amount", type: "DOUBLE" },
  { name: "quantity", type: "INTEGER" },
  { name: "status", type: "VARCHAR" },
  { name: "ordered_on", type: "VARCHAR" },
];
