import { z } from "@/lib/zod";
import { editSchema } from "./edits";
import { expectsSchema } from "./expects";

/**
 * The recipe: parse options, validation rules, transform steps and SQL,
 * versioned and checked on every load. Rules and steps are plain data that
 * lib/recipe compiles to DuckDB SQL.
 */
export const RECIPE_VERSION = 1;

const severity = z.enum(["reject", "warn"]);
const column = z.string().min(1);
const base = { id: z.string().min(1), severity, enabled: z.boolean().default(true) };
/** How dates are written (strptime's format), or several ways tried in turn: a column of dates written more than one way. */
const dateFormat = z.union([z.string(), z.array(z.string().min(1)).min(1)]);

export const ruleSchema = z.discriminatedUnion("kind", [
  z.object({ ...base, kind: z.literal("required"), column }),
  z.object({ ...base, kind: z.literal("unique"), column }),
  z.object({
    ...base,
    kind: z.literal("type"),
    column,
    type: z.enum(["integer", "decimal", "date", "timestamp", "boolean"]),
    format: dateFormat.optional(),
    /** A decimal's fraction follows a comma (12,50), as Table Schema's decimalChar says. */
    decimalChar: z.literal(",").optional(),
  }),
  z.object({ ...base, kind: z.literal("range"), column, min: z.string().optional(), max: z.string().optional() }),
  z.object({
    ...base,
    kind: z.literal("length"),
    column,
    min: z.number().int().nonnegative().optional(),
    max: z.number().int().nonnegative().optional(),
  }),
  z.object({ ...base, kind: z.literal("pattern"), column, pattern: z.string().min(1) }),
  z.object({ ...base, kind: z.literal("oneOf"), column, values: z.array(z.string()).min(1) }),
  z.object({ ...base, kind: z.literal("expression"), sql: z.string().min(1), label: z.string().optional() }),
  z.object({ ...base, kind: z.literal("uniqueKey"), columns: z.array(column).min(1) }),
  /**
   * A foreign key: each value of `column` is one of the values of `field` in the staged file whose SQL name is
   * `file` ("": this file itself, as Table Schema writes it); with `moreKeys`, a key over several columns (each
   * row's values together, among that file's rows).
   */
  z.object({
    ...base,
    kind: z.literal("reference"),
    column,
    file: z.string(),
    field: column,
    moreKeys: z.array(z.object({ column, field: column })).min(1).optional(),
  }),
  z.object({ ...base, kind: z.literal("columns"), expected: z.array(column), allowExtra: z.boolean().default(false) }),
]);

export const stepSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("select"), columns: z.array(column).min(1) }),
  z.object({ kind: z.literal("rename"), from: column, to: column }),
  // A text of decimal commas (12,50) is cast with its comma read as the point; dates written another way than ISO's
  // (31.12.2026) are read by their format, or formats (strptime's, as the type rule's).
  // Numbers that are Excel's serial days (45292 is 2024-01-01) are cast to the dates they count.
  z.object({ kind: z.literal("cast"), column, type: z.string().min(1), decimalChar: z.literal(",").optional(), format: dateFormat.optional(), from: z.literal("excelSerial").optional() }),
  z.object({ kind: z.literal("trim"), column }),
  z.object({ kind: z.literal("case"), column, to: z.enum(["upper", "lower"]) }),
  z.object({ kind: z.literal("fillNull"), column, value: z.string() }),
  /** Each empty value (null or empty text) takes the last value above it: a group's name written only on its first row. */
  z.object({ kind: z.literal("fillDown"), column }),
  z.object({ kind: z.literal("replace"), column, find: z.string().min(1), replace: z.string() }),
  z.object({ kind: z.literal("filter"), where: z.string().min(1) }),
  z.object({ kind: z.literal("dedupe"), columns: z.array(column).optional() }),
  z.object({ kind: z.literal("derive"), name: column, expression: z.string().min(1) }),
  z.object({ kind: z.literal("split"), column, delimiter: z.string().min(1), into: z.array(column).min(2) }),
  z.object({
    kind: z.literal("mapSchema"),
    target: z.array(z.object({ name: column, type: z.string().min(1), from: column.nullable() })).min(1),
  }),
]);

const stepEntry = z.intersection(stepSchema, z.object({ enabled: z.boolean().default(true) }));

export const recipeSchema = z.object({
  version: z.literal(RECIPE_VERSION),
  name: z.string().optional(),
  rules: z.array(ruleSchema).default([]),
  steps: z.array(stepEntry).default([]),
  sql: z.string().nullable().default(null),
  destination: z.object({ name: z.string() }).optional(),
  /** Cells edited by hand, in the order they were made (lib/recipe/edits.ts). */
  edits: z.array(editSchema).optional(),
  /**
   * What promotion does with rows a rule rejects: leave them out (the default), refuse to promote
   * while any remain, or include them with the reasons in an `_errors` column.
   */
  onErrors: z.enum(["reject", "block", "include"]).optional(),
  /** The columns and read options the recipe was built on, to match a new file against (lib/recipe/expects.ts). */
  expects: expectsSchema.optional(),
});

export type Rule = z.infer<typeof ruleSchema>;
export type StepBody = z.infer<typeof stepSchema>;
export type Step = z.infer<typeof stepEntry>;
export type Recipe = z.infer<typeof recipeSchema>;
export type RuleKind = Rule["kind"];
export type StepKind = Step["kind"];

export const emptyRecipe = (): Recipe => ({ version: RECIPE_VERSION, rules: [], steps: [], sql: null });
