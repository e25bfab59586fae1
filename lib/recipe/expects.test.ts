import { describe, expect, it } from "vitest";
import type { ParseOptions } from "@/lib/staging/parse-options";
import { composeRenames, driftOf, expectsOf, expectsSchema, needsMatching, partsOnMissing, proposeMatches, withoutParts } from "./expects";
import { emptyRecipe, type Recipe } from "./schema";

const ORDERS = [
  { name: "order_id", type: "BIGINT" },
  { name: "customer", type: "VARCHAR" },
  { name: "email", type: "VARCHAR" },
  { name: "amount", type: "DOUBLE" },
  { name: "zip", type: "VARCHAR" },
];
// Next month: two columns renamed, one moved, one added, one gone.
const NEXT = [
  { name: "Order ID", type: "BIGINT" },
  { name: "email", type: "VARCHAR" },
  { name: "customer_name", type: "VARCHAR" },
  { name: "amount", type: "DOUBLE" },
  { name: "channel", type: "VARCHAR" },
];
const parse = { format: "csv", encoding: "utf-8", delimiter: ",", header: true, types: {}, edits: [], badLines: "skip", strict: true, gzip: false, headerRow: 1 } as ParseOptions;

describe("proposeMatches", () => {
  it("matches the same names, then folded ones, then similar ones, and says a column is missing", () => {
    const matches = proposeMatches(ORDERS, NEXT);
    expect(matches.map((m) => [m.expected.name, m.actual, m.kind])).toEqual([
      ["order_id", "Order ID", "folded"],
      ["customer", "customer_name", "similar"],
      ["email", "email", "same"],
      ["amount", "amount", "same"],
      ["zip", null, null],
    ]);
  });

  it("prefers a match the user confirmed before for the same recipe", () => {
    const matches = proposeMatches(ORDERS, [...NEXT, { name: "postcode", type: "VARCHAR" }], { postcode: "zip" });
    expect(matches.at(-1)).toMatchObject({ actual: "postcode", kind: "remembered" });
  });

  it("matches by the values' shape last, when exactly one column left has the expected column's", () => {
    const expected = [{ name: "contact", type: "VARCHAR", shape: "email" as const }, { name: "ref", type: "VARCHAR", shape: "code" as const }];
    const file = [{ name: "x1", type: "VARCHAR" }, { name: "x2", type: "VARCHAR" }, { name: "x3", type: "VARCHAR" }];
    const matches = proposeMatches(expected, file, {}, 0.5, { x1: "code", x2: "email", x3: "code" });
    // Two columns hold codes: which one is the reference is the user's to say.
    expect(matches.map((m) => [m.expected.name, m.actual, m.kind])).toEqual([
      ["contact", "x2", "shape"],
      ["ref", null, null],
    ]);
  });

  it("never gives one column of the file to two expected columns", () => {
    const matches = proposeMatches([{ name: "email", type: "VARCHAR" }, { name: "e_mail", type: "VARCHAR" }], [{ name: "email", type: "VARCHAR" }]);
    expect(matches.map((m) => m.actual)).toEqual(["email", null]);
  });
});

describe("driftOf", () => {
  it("states new, missing, renamed and retyped columns and changed read options", () => {
    const expects = expectsOf(ORDERS, { ...parse, delimiter: ";" });
    const next = NEXT.map((c) => (c.name === "amount" ? { ...c, type: "VARCHAR" } : c));
    const drift = driftOf(expects, next, parse, proposeMatches(ORDERS, next));
    expect(drift).toEqual({
      added: ["channel"],
      missing: ["zip"],
      retyped: [{ name: "amount", from: "DOUBLE", to: "VARCHAR" }],
      renamed: [
        { from: "Order ID", to: "order_id" },
        { from: "customer_name", to: "customer" },
      ],
      read: [{ option: "delimiter", from: ";", to: "," }],
    });
    expect(expectsSchema.parse(JSON.parse(JSON.stringify(expects)))).toEqual(expects);
  });
});

describe("partsOnMissing", () => {
  it("finds the rules and steps on a missing column, and leaves them out only when asked", () => {
    const recipe: Recipe = {
      ...emptyRecipe(),
      rules: [
        { id: "a", kind: "required", column: "email", severity: "reject", enabled: true },
        { id: "b", kind: "pattern", column: "zip", pattern: "^\\d{5}$", severity: "reject", enabled: true },
        { id: "c", kind: "uniqueKey", columns: ["order_id", "zip"], severity: "warn", enabled: true },
      ],
      steps: [
        { kind: "trim", column: "customer", enabled: true },
        { kind: "case", column: "zip", to: "upper", enabled: true },
      ],
    };
    const parts = partsOnMissing(recipe, ["zip"]);
    expect(parts).toEqual([
      { part: "rule", index: 1 },
      { part: "rule", index: 2 },
      { part: "step", index: 1 },
    ]);
    const applied = withoutParts(recipe, parts);
    expect(applied.rules.map((r) => r.id)).toEqual(["a"]);
    expect(applied.steps.map((s) => s.kind)).toEqual(["trim"]);
  });
});

describe("needsMatching and composeRenames", () => {
  it("asks for matching only when the recipe expects a name the file lacks", () => {
    const recipe = { ...emptyRecipe(), expects: expectsOf(ORDERS, parse) };
    expect(needsMatching(recipe, NEXT)).toBe(true);
    expect(needsMatching(recipe, [...ORDERS, { name: "extra", type: "VARCHAR" }])).toBe(false);
    expect(needsMatching(emptyRecipe(), NEXT)).toBe(false);
  });

  it("composes a file's earlier renames with the next ones, back to the file's own names", () => {
    expect(composeRenames(undefined, { "Order ID": "order_id" })).toEqual({ "Order ID": "order_id" });
    expect(composeRenames({ "Order ID": "order_id" }, { order_id: "id", email: "mail" })).toEqual({ "Order ID": "id", email: "mail" });
    expect(composeRenames({ a: "b" }, { b: "a" })).toEqual({});
  });
});
