import { describe, expect, it } from "vitest";
import { loadRecipe } from "./load";
import { emptyRecipe } from "./schema";

describe("loadRecipe", () => {
  it("round-trips a recipe through JSON", () => {
    const recipe = {
      ...emptyRecipe(),
      rules: [{ id: "r1", kind: "required", column: "a", severity: "reject", enabled: true }],
      steps: [{ kind: "rename", from: "a", to: "b", enabled: false }],
      sql: "SELECT * FROM transformed",
    };
    expect(loadRecipe(JSON.stringify(recipe))).toEqual({ ok: true, recipe });
  });

  it("fills defaults", () => {
    const loaded = loadRecipe({ version: 1, rules: [{ id: "r", kind: "unique", column: "a", severity: "warn" }] });
    expect(loaded).toEqual({
      ok: true,
      recipe: { version: 1, rules: [{ id: "r", kind: "unique", column: "a", severity: "warn", enabled: true }], steps: [], sql: null },
    });
  });

  it("migrates version 0 (rules were called checks)", () => {
    const loaded = loadRecipe({ checks: [{ id: "r", kind: "required", column: "a", severity: "reject" }] });
    expect(loaded.ok && loaded.recipe.rules.map((r) => r.id)).toEqual(["r"]);
  });

  it("refuses future versions, bad JSON and malformed parts with the reason", () => {
    expect(loadRecipe({ version: 2 })).toEqual({ ok: false, reason: expect.stringMatching(/version 2.*up to version 1/) });
    expect(loadRecipe("{nope")).toEqual({ ok: false, reason: "The recipe is not valid JSON." });
    expect(loadRecipe([])).toEqual({ ok: false, reason: "A recipe is a JSON object." });
    const bad = loadRecipe({ version: 1, rules: [{ id: "r", kind: "teleport", severity: "reject" }] });
    expect(bad.ok).toBe(false);
    expect(!bad.ok && bad.reason).toMatch(/rules\.0/);
  });
});
