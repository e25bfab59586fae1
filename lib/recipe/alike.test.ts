import { describe, expect, it } from "vitest";
import { hasRuleLike, hasStepLike } from "./alike";
import type { Rule } from "./schema";

const typeRule: Rule = { id: "a", kind: "type", column: "amount", type: "decimal", decimalChar: ",", severity: "reject", enabled: true };

describe("hasRuleLike", () => {
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

describe("hasStepLike", () => {
  it("finds a step that does the same, switched on or off", () => {
    const cast = { kind: "cast" as const, column: "amount", type: "DOUBLE", decimalChar: "," as const, enabled: true };
    expect(hasStepLike([{ ...cast, enabled: false }], cast)).toBe(true);
    expect(hasStepLike([{ ...cast, decimalChar: undefined }], cast)).toBe(false);
    expect(hasStepLike([{ kind: "trim", column: "amount", enabled: true }], cast)).toBe(false);
  });
});

