import { parseJson } from "@/lib/json";
import { RECIPE_VERSION, recipeSchema, type Recipe } from "./schema";

/**
 * Load a recipe from untrusted JSON: migrate older versions, refuse newer
 * ones and anything malformed, with the reason.
 */
export type LoadResult = { ok: true; recipe: Recipe } | { ok: false; reason: string };

/** Version 0 (before the "version" field) kept rules under "checks". */
const migrations: Record<number, (doc: Record<string, unknown>) => Record<string, unknown>> = {
  0: ({ checks, ...rest }) => ({ ...rest, rules: rest.rules ?? checks ?? [], version: 1 }),
};

export function loadRecipe(input: unknown): LoadResult {
  let doc = typeof input === "string" ? parseJson(input) : input;
  if (doc === undefined) return { ok: false, reason: "The recipe is not valid JSON." };
  if (!doc || typeof doc !== "object" || Array.isArray(doc)) return { ok: false, reason: "A recipe is a JSON object." };
  let version = (doc as { version?: unknown }).version ?? 0;
  if (typeof version !== "number" || !Number.isInteger(version) || version < 0) {
    return { ok: false, reason: "The recipe's version is not a whole number." };
  }
  if (version > RECIPE_VERSION) {
    return { ok: false, reason: `This recipe is version ${version}; this app reads up to version ${RECIPE_VERSION}. Update Stages to open it.` };
  }
  while (version < RECIPE_VERSION) {
    doc = migrations[version]!(doc as Record<string, unknown>);
    version++;
  }
  const parsed = recipeSchema.safeParse(doc);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return { ok: false, reason: `The recipe is malformed at ${issue.path.join(".") || "the top level"}: ${issue.message}` };
  }
  return { ok: true, recipe: parsed.data };
}
