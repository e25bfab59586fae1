import { describe, expect, it } from "vitest";
import { hasRuleLike } from "./same-rule";
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
