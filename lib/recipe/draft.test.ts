import { describe, expect, it } from "vitest";
import { latestRecipe } from "./draft";
import { emptyRecipe, type Recipe } from "./schema";

const withSql = (sql: string): Recipe => ({ ...emptyRecipe(), sql });

describe("latestRecipe", () => {
  it("shows an edit at once, before its saved copy comes back", () => {
    const saved = { recipe: withSql("SELECT 1"), updatedAt: 100 };
    const edit = { recipe: withSql("SELECT 2"), updatedAt: 200 };
    expect(latestRecipe(edit, saved)).toBe(edit.recipe);
    expect(latestRecipe(edit, null)).toBe(edit.recipe);
  });

  it("keeps the newer edit when the saved copy of an older one comes back (edits in the same millisecond too)", () => {
    const second = { recipe: withSql("SELECT 2"), updatedAt: 200 };
    expect(latestRecipe(second, { recipe: withSql("SELECT 1"), updatedAt: 150 })).toBe(second.recipe);
    expect(latestRecipe(second, { recipe: withSql("SELECT 1"), updatedAt: 200 })).toBe(second.recipe);
  });

  it("shows the saved draft once it is newer than any edit here, and nothing before anything is written", () => {
    const applied = { recipe: withSql("SELECT 3"), updatedAt: 300 };
    expect(latestRecipe({ recipe: withSql("SELECT 2"), updatedAt: 200 }, applied)).toBe(applied.recipe);
    expect(latestRecipe(null, applied)).toBe(applied.recipe);
    expect(latestRecipe(null, null)).toBeNull();
  });
});
