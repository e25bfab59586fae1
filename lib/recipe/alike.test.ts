import { describe, expect, it } from "vitest";
import { alikeIn, unlikeIn } from "./alike";
import type { Rule, Step } from "./schema";

const hasRuleLike = (rules: readonly Rule[], rule: Rule) => alikeIn(rules)(rule);
const hasStepLike = (steps: readonly Step[], step: Step) => alikeIn(steps)(step);
const typeRule: Rule = { id: "a", kind: "type", column: "amount", type: "decimal", decimalChar: ",", severity: "reject", enabled: true };

describe("alikeIn, of rules", () => {
  it("finds a rule that checks the same, whatever its id, severity, switch or key order", () => {
    const stored = { enabled: false, severity: "warn", decimalChar: ",", type: "decimal", column: "amount", kind: "type", id: "zz" } as Rule;
    expect(hasRuleLike([stored], typeRule)).toBe(true);
  });

  it("tells apart rules that check something else", () => {
    expect(hasRuleLike([{ ...typeRule, decimalChar: undefined }], typeRule)).toBe(false);
    expect(hasRuleLike([{ ...typeRule, column: "price" }], typeRule)).toBe(false);
    expect(hasRuleLike([{ id: "r", kind: "required", column: "amount", severity: "reject", enabled: true }], typeRule)).toBe(false);
    expect(hasRuleLike([], typeRule)).toBe(false);
  });
});

describe("alikeIn, of steps", () => {
  it("finds a step that does the same, switched on or off", () => {
    const cast = { kind: "cast" as const, column: "amount", type: "DOUBLE", decimalChar: "," as const, enabled: true };
    expect(hasStepLike([{ ...cast, enabled: false }], cast)).toBe(true);
    expect(hasStepLike([{ ...cast, decimalChar: undefined }], cast)).toBe(false);
    expect(hasStepLike([{ kind: "trim", column: "amount", enabled: true }], cast)).toBe(false);
  });
});

describe("unlikeIn", () => {
  it("keeps the rules like none taken and none before them", () => {
    const other: Rule = { ...typeRule, id: "b", column: "price" };
    expect(unlikeIn([{ ...typeRule, id: "x" }, other, { ...other, id: "c" }], [typeRule]).map((r) => r.id)).toEqual(["b"]);
    expect(unlikeIn([], [typeRule])).toEqual([]);
  });
});
