import { readFileSync, writeFileSync } from "node:fs";
import Ajv2020 from "ajv/dist/2020";
import { describe, expect, it } from "vitest";
import { z } from "@/lib/zod";
import { SAMPLE_RECIPE } from "@/lib/samples";
import { recipeSchema } from "./schema";

/**
 * The recipe's JSON Schema, published for teams that keep recipes in git:
 * generated from the zod schema the app checks recipes with. To write it
 * anew after a change: STAGES_WRITE_SCHEMA=1 npx vitest run lib/recipe/json-schema.test.ts
 */
const PATH = "docs/recipe.schema.json";
const generated = () =>
  `${JSON.stringify({ title: "Stages recipe", ...z.toJSONSchema(recipeSchema, { io: "input" }) }, null, 2)}\n`;

if (process.env.STAGES_WRITE_SCHEMA === "1") writeFileSync(PATH, generated());

describe("docs/recipe.schema.json", () => {
  it("is the schema the app checks recipes with", () => {
    expect(readFileSync(PATH, "utf8")).toBe(generated());
  });

  it("accepts a recipe the app exports, edited as text, and refuses one the app would refuse", () => {
    const validate = new Ajv2020({ strict: false }).compile(JSON.parse(readFileSync(PATH, "utf8")));
    const exported = JSON.parse(JSON.stringify(SAMPLE_RECIPE, null, 2));
    expect(validate(exported), JSON.stringify(validate.errors)).toBe(true);
    const edited = { ...exported, rules: [...exported.rules, { id: "z", kind: "required", column: "zip", severity: "warn" }], edits: [{ row: 3, column: "zip", from: null, to: "1000", at: "2026-12-01T10:00:00Z" }] };
    expect(validate(edited), JSON.stringify(validate.errors)).toBe(true);
    expect(recipeSchema.safeParse(edited).success).toBe(true);
    const broken = { ...exported, rules: [{ id: "x", kind: "required", severity: "sometimes" }] };
    expect(validate(broken)).toBe(false);
    expect(recipeSchema.safeParse(broken).success).toBe(false);
  });
});
