import type { Column } from "@/lib/datasets/manifest";
import { editedColumns } from "@/lib/recipe/edits";
import { referencedFiles, type References } from "@/lib/recipe/references";
import { emptyRecipe, recipeSchema, type Recipe, type Rule } from "@/lib/recipe/schema";
import { fail, ok, type Result } from "@/lib/result";
import { ident } from "@/lib/sql/quote";
import { otherReadyFiles } from "@/lib/staging/staged-file";
import type { StagesDb } from "@/browser/staging-db";
import { inCheckDb } from "./check-duck";
import { checkRecipe, namedTables, type CheckedRecipe, type CheckInput } from "./sql-check";
import { ensureTable, tableName } from "./tables";

/** A staged file a recipe's SQL stage and reference rules may read, by its SQL name (and how often it was read, so a run over an older read is not reused). */
export type Readable = { id: string; sqlName: string; columns: Column[]; readCount?: number };

/** The other ready staged files: what a recipe's SQL stage may read (never the file being run: its rows come through validation). */
export async function readableFiles(db: StagesDb, fileId: string): Promise<Readable[]> {
  const files = await db.files.toArray();
  return otherReadyFiles(files, fileId).map((f) => ({ id: f.id, sqlName: f.sqlName, columns: f.columns, readCount: f.readCount }));
}

/** The staged tables the recipe's reference rules look values up in (loaded into DuckDB), by SQL name; files not staged are left out, for the rule to say so. */
export async function referenceTables(db: StagesDb, readable: readonly Readable[], rules: readonly Rule[]): Promise<Result<References>> {
  const references = new Map<string, { table: string; columns: Column[] }>();
  for (const name of referencedFiles(rules)) {
    const file = readable.find((f) => f.sqlName === name);
    if (!file) continue;
    const source = { kind: "staged", fileId: file.id } as const;
    const loaded = await ensureTable(db, source);
    if (!loaded.ok) return fail({ ...loaded.error, message: `The staged file read as ${name} could not be read: ${loaded.error.message}` });
    references.set(name, { table: ident(tableName(source)), columns: loaded.value.columns });
  }
  return ok(references);
}

/** Check a recipe against a staged file, as a run would, without running anything (sql-check.ts). */
export async function checkForFile(db: StagesDb, fileId: string, input: Recipe): Promise<Result<CheckedRecipe>> {
  const parsed = recipeSchema.safeParse(input);
  if (!parsed.success) return fail({ message: `The recipe is malformed: ${parsed.error.issues[0]?.message}` });
  const staged = await ensureTable(db, { kind: "staged", fileId });
  if (!staged.ok) return staged;
  return checkCached({ recipe: parsed.data, columns: staged.value.columns, files: await readableFiles(db, fileId) });
}

/**
 * A check costs some 50–90 ms of statements in the check database (220–280 ms
 * on a slow day); a run of a recipe already checked over the same columns and
 * the same readable files (a promotion after a run, a run after a restart of
 * the view, a cell edited again) reuses its outcome.
 * Only passes are kept, keyed by everything the check read (edits by their columns).
 */
const passed = new Map<string, CheckedRecipe>();
const KEPT = 32;

/**
 * The check database started ahead of the first run (about a second), and a recipe checked in it once:
 * DuckDB-WASM compiles each function the first time it runs. A recipe of several kinds of rules, steps and an
 * aggregating SQL stage binds most of what a first real check binds: in the page, the first check of the
 * benchmark's ten rules took 96–151 ms after it, against 224–271 ms after checking an empty recipe.
 */
export async function warmCheckDb(): Promise<void> {
  const columns = [
    { name: "id", type: "BIGINT" },
    { name: "name", type: "VARCHAR" },
    { name: "amount", type: "DOUBLE" },
    { name: "day", type: "DATE" },
  ];
  const rule = { severity: "reject", enabled: true } as const;
  const recipe: Recipe = {
    ...emptyRecipe(),
    rules: [
      { ...rule, id: "w1", kind: "required", column: "name" },
      { ...rule, id: "w2", kind: "unique", column: "id" },
      { ...rule, id: "w3", kind: "range", column: "amount", min: "0", max: "10" },
      { ...rule, id: "w4", kind: "oneOf", column: "name", values: ["a", "b"] },
      { ...rule, id: "w5", kind: "pattern", column: "name", pattern: "^[a-z]+$" },
      { ...rule, id: "w6", kind: "length", column: "name", min: 1, max: 9 },
      { ...rule, id: "w7", kind: "expression", sql: "day <= DATE '2030-01-01'" },
    ],
    steps: [
      { kind: "trim", column: "name", enabled: true },
      { kind: "derive", name: "twice", expression: "amount * 2", enabled: true },
    ],
    sql: "SELECT name, count(*) AS n, sum(twice) AS total FROM transformed GROUP BY ALL ORDER BY ALL",
  };
  await inCheckDb((check) => checkRecipe(check, { recipe, columns, files: [] }));
}

export async function checkCached(input: CheckInput): Promise<Result<CheckedRecipe>> {
  // An edited cell's new value does not need a new check: only the columns edits touch can change what binds.
  const key = JSON.stringify({ ...input, recipe: { ...input.recipe, edits: editedColumns(input.recipe.edits) } });
  const known = passed.get(key);
  if (known) return ok(known);
  const checked = await inCheckDb((check) => checkRecipe(check, input));
  if (checked.ok) {
    passed.set(key, checked.value);
    if (passed.size > KEPT) passed.delete(passed.keys().next().value!);
  }
  return checked;
}

/** The tables a recipe's SQL names, for the consent screen (no data needed). */
export async function inspectRecipe(input: Recipe): Promise<Result<string[]>> {
  const parsed = recipeSchema.safeParse(input);
  if (!parsed.success) return fail({ message: `The recipe is malformed: ${parsed.error.issues[0]?.message}` });
  return inCheckDb((check) => namedTables(check, parsed.data));
}
