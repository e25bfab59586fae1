import { describe, expect, it } from "vitest";
import type { Recipe } from "@/lib/recipe/schema";
import { consentItems, visible } from "./consent";

const recipe: Recipe = {
  version: 1,
  name: "Hostile",
  rules: [
    { id: "a", kind: "expression", sql: "amount > 0 --\rOR true", label: "Amounts are positive", severity: "reject", enabled: true },
    { id: "b", kind: "pattern", column: "email", pattern: "@", severity: "warn", enabled: false },
    { id: "c", kind: "required", column: "id", severity: "reject", enabled: true },
  ],
  steps: [
    { kind: "filter", where: "email LIKE '%@%'", enabled: true },
    { kind: "derive", name: "double", expression: "amount * 2", enabled: true },
    { kind: "cast", column: "amount", type: "DECIMAL(10,2)", enabled: true },
    { kind: "mapSchema", target: [{ name: "id", type: "BIGINT", from: "id" }, { name: "total", type: "DOUBLE", from: "amount" }], enabled: true },
  ],
  sql: "SELECT * FROM transformed\u2028JOIN customers USING (id)",
};

describe("consentItems", () => {
  it("lists every rule, step and the SQL, with every piece of SQL text verbatim beside the words", () => {
    const items = consentItems(recipe);
    expect(items.map((i) => `${i.part}${i.index}`)).toEqual(["rule0", "rule1", "rule2", "step0", "step1", "step2", "step3", "sql0"]);
    expect(items[0]).toMatchObject({ words: "Reject rows where not: Amounts are positive", sql: ["amount > 0 --⟨CR⟩\nOR true"] });
    expect(items[1]).toMatchObject({ sql: ["@"], enabled: false });
    expect(items[3]!.sql).toEqual(["email LIKE '%@%'"]);
    expect(items[4]!.sql).toEqual(["amount * 2"]);
    expect(items[5]!.sql).toEqual(["DECIMAL(10,2)"]);
    expect(items[6]!.sql).toEqual(["BIGINT", "DOUBLE"]);
    expect(items[7]!.sql).toEqual(["SELECT * FROM transformed⟨U+2028⟩\nJOIN customers USING (id)"]);
  });

  it("lists every edited cell with its new and old value, invisible characters made visible", () => {
    const items = consentItems({ ...recipe, edits: [{ row: 3, column: "email", from: null, to: "a@x.org\rDROP", at: "2026-12-01T00:00:00Z" }] });
    expect(items.at(-1)).toEqual({ part: "edit", index: 0, words: "set row 3, column email to “a@x.org⟨CR⟩\nDROP” (was null)", sql: [], enabled: true });
  });

  it("shows line breaks a reader would not see, and control characters, by name", () => {
    expect(visible("a\r\nb")).toBe("a\nb");
    expect(visible("a\u2029b\u0000")).toBe("a⟨U+2029⟩\nb⟨U+0000⟩");
  });
});
