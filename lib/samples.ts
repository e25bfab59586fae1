import type { Recipe } from "./recipe/schema";

/**
 * The sample shipped with the app (public/samples/orders.csv): 60 orders with
 * a few deliberate problems (a missing and a malformed email, a negative
 * amount, an unknown status, a duplicated order id, stray spaces), and a
 * recipe that finds them.
 */
export const SAMPLE_FILE = "orders.csv";
export const SAMPLE_PATH = `${process.env.NEXT_PUBLIC_BASE_PATH ?? ""}/samples/${SAMPLE_FILE}`;

export const SAMPLE_RECIPE: Recipe = {
  version: 1,
  name: "Sample orders",
  rules: [
    { id: "email-required", kind: "required", column: "email", severity: "reject", enabled: true },
    { id: "email-shape", kind: "pattern", column: "email", pattern: "^[^@\\s]+@[^@\\s]+\\.[a-z]+$", severity: "reject", enabled: true },
    { id: "amount-positive", kind: "range", column: "amount", min: "0", severity: "reject", enabled: true },
    { id: "order-unique", kind: "unique", column: "order_id", severity: "reject", enabled: true },
    { id: "status-known", kind: "oneOf", column: "status", values: ["paid", "shipped", "refunded"], severity: "warn", enabled: true },
  ],
  steps: [{ kind: "trim", column: "customer", enabled: true }],
  sql: null,
};
