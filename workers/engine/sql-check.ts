import type { Column } from "@/lib/datasets/manifest";
import { compilePipeline, finalPrefix, pipelineNames, RECIPE_SCHEMA, sqlFragments, stageSql, TRANSFORMED_VIEW, type PipelineProblem } from "@/lib/recipe/pipeline";
import { referencedFiles } from "@/lib/recipe/references";
import { LINE, ROW } from "@/lib/recipe/rules";
import type { Recipe } from "@/lib/recipe/schema";
import { compileSteps } from "@/lib/recipe/steps";
import { fail, ok, type Result, type StagesError } from "@/lib/result";
import { fromDuckDbError, sqlErrorPosition } from "@/lib/sql/duckdb-error";
import { spliced } from "@/lib/sql/fragment";
import { planProblem, planReads } from "@/lib/sql/plan";
import { ident, literal } from "@/lib/sql/quote";

/**
 * The trust boundary for a recipe's SQL. Before the engine runs a recipe, its
 * pipeline is bound, statement by statement, in a DuckDB of its own (the check
 * database: external access switched off, no data, no extensions): empty
 * tables shaped like the staged file and like the other staged files (those
 * its SQL stage and its reference rules may read), under names the recipe
 * cannot guess. DuckDB's binder resolves every name, view,
 * replacement scan and `query()` string; a file or URL cannot be opened there
 * at all; and every statement's plan may only scan the tables it was given
 * and call table functions that compute rows (lib/sql/plan.ts). Only a
 * pipeline that passes runs in the engine's database, unchanged.
 */
export interface CheckDb {
  /** Run one statement that holds the recipe's text: text holding more than one is refused by DuckDB (it is prepared). */
  run(sql: string): Promise<Record<string, unknown>[]>;
  /** Run the check's own statements (one round trip). */
  exec(sql: string): Promise<void>;
  /** The tables a query names, by DuckDB's parser and binder (ClientContext::GetTableNames). */
  tableNames(sql: string): Promise<string[]>;
}

/** How a check database is set up when it starts: no extensions, no files, no URLs, small. */
export const CHECK_DB_SETUP = [
  "SET autoinstall_known_extensions = false",
  "SET autoload_known_extensions = false",
  "SET memory_limit = '256MB'",
  "SET enable_external_access = false",
];

export interface CheckInput {
  recipe: Recipe;
  /** The staged file's columns. */
  columns: readonly Column[];
  headerLines?: number;
  /** The other ready staged files, by SQL name: what the SQL stage and reference rules may read. */
  files: readonly { sqlName: string; columns: readonly Column[] }[];
}

/** What a checked recipe reads: the SQL names of the staged files its SQL stage scans. */
export interface CheckedRecipe {
  reads: string[];
}

type Where = PipelineProblem["where"];
const refused = (message: string, part: Where, index: number, extra: Partial<StagesError> = {}): Result<never> =>
  fail({ message, ...extra, at: { part, index } });

export async function checkRecipe(db: CheckDb, input: CheckInput): Promise<Result<CheckedRecipe>> {
  const previous = keptRules.get(db);
  let at = checkLayout(input, previous?.nonce ?? freshNonce());
  if (!at.compiled.ok) return refused(at.compiled.problem.reason, at.compiled.problem.where, at.compiled.problem.index);
  const reuse = previous?.key === rulesKey(at) ? previous : null;
  if (previous && !reuse) at = checkLayout(input, freshNonce());
  const checked = await checkWith(db, input, at, reuse);
  // DuckDB's messages may name the check's own tables ("did you mean …"): they are the staged rows.
  return checked.ok ? checked : fail({ ...checked.error, message: checked.error.message.replace(new RegExp(`"?(main\\.)?k${at.nonce}_\\w+"?`, "g"), "the staged rows") });
}

const freshNonce = () => crypto.randomUUID().replaceAll("-", "");

/**
 * What a check binds the rules in (the staged file's stand-in and the files its reference rules read, the checks and
 * the rows they let through) is kept for the next check, when that check's rules would be the very same SQL over the
 * very same tables: editing steps or the SQL stage binds those alone again (in the page, a check of the benchmark's
 * recipe took 57–59 ms, then 35–41 ms; a run on a small file is 130–200 ms). One set is kept per check database, under
 * its nonce; the next set replaces it.
 */
interface KeptRules {
  nonce: string;
  key: string;
  drops: string[];
}
const keptRules = new WeakMap<CheckDb, KeptRules>();

type Layout = ReturnType<typeof checkLayout>;

function checkLayout(input: CheckInput, nonce: string) {
  const staged = `k${nonce}_staged`;
  const names = pipelineNames(`k${nonce}`);
  // A reference rule reads its file's stand-in here, as it reads the staged table in the engine.
  const referenced = input.files.filter((f) => referencedFiles(input.recipe.rules).includes(f.sqlName));
  const tables = [{ name: staged, columns: input.columns }, ...referenced.map((f, i) => ({ name: `k${nonce}_ref${i}`, columns: f.columns }))];
  const references = new Map(referenced.map((f, i) => [f.sqlName, { table: ident(tables[i + 1]!.name), columns: f.columns }]));
  // Whether a text value holds a line break changes only how rows are numbered (app-made SQL over the staged columns), not what binds or what is read.
  const compiled = compilePipeline(staged, input.columns, input.recipe, names, { headerLines: input.headerLines, multiline: false, references });
  const ruleTargets = new Set([names.checks, names.validated, names.valid]);
  // The statements of the rules alone, which lead the pipeline: the checks and the rows they let through.
  const rulesCount = compiled.ok ? compiled.statements.findIndex((st) => !ruleTargets.has(st.target)) : 0;
  return { nonce, staged, names, tables, compiled, rulesCount };
}

/** The rules' statements and the tables they bind over, as text: a kept set is used only for the same. */
function rulesKey(at: Layout): string {
  const statements = at.compiled.ok ? at.compiled.statements.slice(0, at.rulesCount).map((st) => st.select) : [];
  return JSON.stringify({ tables: at.tables.map((t) => [t.name, tableColumns(t.columns)]), statements });
}

async function checkWith(db: CheckDb, input: CheckInput, at: Layout, reuse: KeptRules | null): Promise<Result<CheckedRecipe>> {
  const { staged, names, compiled } = at;
  if (!compiled.ok) return refused(compiled.problem.reason, compiled.problem.where, compiled.problem.index);
  // DuckDB's worker takes messages in order: what the check creates is there for the next statement without waiting for its answer.
  const created: string[] = [];
  const pending: Promise<void>[] = [];
  const rules: { drops: string[]; pending: Promise<void>[]; bound: boolean } = { drops: [], pending: [], bound: false };
  const create = (kind: "TABLE" | "VIEW", name: string, body: string, ofRules: boolean) => {
    const made = db.exec(`CREATE ${kind} ${name} ${body}`);
    (ofRules ? rules.pending : pending).push(made);
    (ofRules ? rules.drops : created).unshift(`DROP ${kind} IF EXISTS ${name};`);
  };
  try {
    if (!reuse) for (const table of at.tables) create("TABLE", ident(table.name), `(${tableColumns(table.columns)})`, true);
    // What a statement may scan: the stand-ins, and the tables the statements before it were made into.
    const inner = new Set([...at.tables.map((t) => t.name), ...compiled.statements.map((st) => st.target)]);
    const patterns = await checkPatterns(db, input.recipe);
    if (patterns) return patterns;
    for (const [i, statement] of compiled.statements.entries()) {
      // The rules' statements were bound, and made tables, by the check that kept them: the same SQL over the same tables.
      if (reuse && i < at.rulesCount) continue;
      const bound = await explain(db, statement.select, inner);
      if (!bound.ok) {
        // A table or view of the check's own that could not be made is the check's failure, not the recipe's.
        await Promise.all([...rules.pending, ...pending]);
        // A recipe that binds whole binds part by part; one that does not is bound again part by part, for the part to fix.
        const part = i === 0 ? await checkRules(db, input.recipe, staged, inner) : statement.target === names.transformedFull ? await checkSteps(db, input.recipe, input.columns, names.valid, inner) : null;
        return part ?? fail({ message: `The recipe's ${i === 0 ? "rules" : "steps"} could not be run together: ${bound.message}` });
      }
      // The select was just prepared (as EXPLAIN): it is one statement, and so is the table made of it. An empty
      // table of its columns rather than a view: a view is bound again by every statement that reads it, so each
      // EXPLAIN bound the rules' whole chain again (a check of the benchmark's transform: 40 ms against 11 ms in Node).
      create("TABLE", ident(statement.target), `AS ${statement.select}\nWITH NO DATA`, i < at.rulesCount);
      rules.bound = i >= at.rulesCount - 1;
    }
    await Promise.all([...rules.pending, ...pending]);
    if (!input.recipe.sql) return ok({ reads: [] });
    return await checkSqlStage(db, input, at, inner, created, pending);
  } finally {
    const made = !reuse && rules.bound && (await Promise.allSettled(rules.pending)).every((r) => r.status === "fulfilled");
    await Promise.allSettled(pending);
    const previous = keptRules.get(db);
    if (made) keptRules.set(db, { nonce: at.nonce, key: rulesKey(at), drops: rules.drops });
    // The next check's statements come after these: nothing waits for them.
    const drops = [...created, ...(made ? (previous?.drops ?? []) : reuse ? [] : rules.drops)];
    void db.exec(drops.join("\n")).catch(() => null);
  }
}

/** The SQL stage, bound over the transformed rows and the staged files it may read, as the statement the engine runs. */
async function checkSqlStage(db: CheckDb, input: CheckInput, at: Layout, inner: ReadonlySet<string>, created: string[], pending: Promise<void>[]): Promise<Result<CheckedRecipe>> {
  const { names, compiled } = at;
  if (!compiled.ok) return refused(compiled.problem.reason, compiled.problem.where, compiled.problem.index);
  const readable = new Set(input.files.map((f) => f.sqlName));
  created.unshift(`DROP SCHEMA IF EXISTS ${RECIPE_SCHEMA} CASCADE;`);
  pending.push(
    db.exec(
      [
        `CREATE SCHEMA ${RECIPE_SCHEMA};`,
        `CREATE VIEW ${RECIPE_SCHEMA}.${TRANSFORMED_VIEW} AS SELECT * EXCLUDE (${ROW}, ${LINE}) FROM main.${ident(names.transformedFull)};`,
        ...input.files.map((file) => `CREATE TABLE ${RECIPE_SCHEMA}.${ident(file.sqlName)} (${tableColumns(file.columns)});`),
        `SET search_path = ${literal(RECIPE_SCHEMA)};`,
      ].join("\n"),
    ),
  );
  created.unshift("RESET search_path;");
  // The statement the engine runs: a query can only follow the table it makes.
  const statement = finalPrefix(names) + compiled.finalSql;
  const bound = await explain(db, statement, new Set([...inner, ...readable]));
  await Promise.all(pending);
  if (!bound.ok) {
    const where = bound.raw ? sqlErrorPosition(bound.raw, EXPLAIN + statement, EXPLAIN.length + finalPrefix(names).length) : null;
    return refused(bound.message, "sql", 0, where ?? {});
  }
  return ok({ reads: bound.tables.filter((t) => readable.has(t)) });
}

/**
 * The tables a recipe reads, for the consent screen, before there is data to
 * bind it to: the files its reference rules name, and what its SQL names, by
 * DuckDB's parser and binder in name-extraction mode. A fragment (a rule's
 * expression, a filter, a derived column) names none.
 */
export async function namedTables(db: CheckDb, recipe: Recipe): Promise<Result<string[]>> {
  const named = await sqlNamedTables(db, recipe);
  return named.ok ? ok([...new Set([...named.value, ...referencedFiles(recipe.rules)])]) : named;
}

async function sqlNamedTables(db: CheckDb, recipe: Recipe): Promise<Result<string[]>> {
  for (const { where, index, sql } of sqlFragments(recipe)) {
    const named = await tableNamesOf(db, `SELECT ${spliced(sql)}`);
    if (typeof named === "string") return refused(named, where, index);
    if (named.length) return refused(`It reads ${named.join(", ")}: a rule or step reads only the columns of its row.`, where, index);
  }
  if (!recipe.sql) return ok([]);
  const named = await tableNamesOf(db, stageSql(recipe.sql));
  if (typeof named === "string") return refused(named, "sql", 0);
  // transformed and SQL names are bare identifiers: anything else is a file, a URL or another schema's table.
  const odd = named.find((n) => !/^[A-Za-z_][A-Za-z0-9_]*$/.test(n));
  if (odd) return refused(`It reads “${odd}”, which is neither ${TRANSFORMED_VIEW} nor a staged file's SQL name.`, "sql", 0);
  return ok(named);
}

async function tableNamesOf(db: CheckDb, sql: string): Promise<string[] | string> {
  try {
    return await db.tableNames(sql);
  } catch (error) {
    return refusal(errorMessage(error)).message;
  }
}

/** Each pattern rule's regular expression, compiled by DuckDB. */
async function checkPatterns(db: CheckDb, recipe: Recipe): Promise<Result<never> | null> {
  for (const [index, rule] of recipe.rules.entries()) {
    if (!rule.enabled || rule.kind !== "pattern") continue;
    const bad = await db.exec(`SELECT regexp_matches('', ${literal(rule.pattern)})`).then(() => null, errorMessage);
    if (bad) return refused(`This regular expression is not valid: ${fromDuckDbError(bad).message}`, "rule", index);
  }
  return null;
}

/** Each rule's SQL expression bound on its own: the first that does not bind is the one to fix. */
async function checkRules(db: CheckDb, recipe: Recipe, staged: string, inner: ReadonlySet<string>): Promise<Result<never> | null> {
  for (const [index, rule] of recipe.rules.entries()) {
    if (!rule.enabled || rule.kind !== "expression") continue;
    const bound = await explain(db, `SELECT ${spliced(rule.sql)} IS NOT FALSE FROM ${ident(staged)}`, inner);
    if (!bound.ok) return refused(`This SQL expression cannot run: ${bound.message}`, "rule", index);
  }
  return null;
}

/** Each step binds over the one before: the first that does not is the one to fix. */
async function checkSteps(db: CheckDb, recipe: Recipe, columns: readonly Column[], valid: string, inner: ReadonlySet<string>): Promise<Result<never> | null> {
  for (let k = 1; k <= recipe.steps.length; k++) {
    if (!recipe.steps[k - 1]!.enabled) continue;
    const prefix = compileSteps(ident(valid), recipe.steps.slice(0, k), columns.map((c) => c.name), [ROW, LINE]);
    if (!prefix.ok) return refused(prefix.reason, "step", prefix.step);
    const bound = await explain(db, prefix.sql, inner);
    if (!bound.ok) return refused(bound.message, "step", k - 1);
  }
  return null;
}

const EXPLAIN = "EXPLAIN (FORMAT JSON) ";
type Explained = { ok: true; tables: string[] } | { ok: false; message: string; raw?: string };

/** Bind `select` and read its plan: what it scans, or why not (DuckDB's words, or what it may not read). */
async function explain(db: CheckDb, select: string, allowed: ReadonlySet<string>): Promise<Explained> {
  let plan: string;
  try {
    const [row] = await db.run(EXPLAIN + select);
    plan = String(row?.explain_value ?? "[]");
  } catch (error) {
    const raw = errorMessage(error);
    return { ok: false, ...refusal(raw), raw };
  }
  const reads = planReads(plan);
  const problem = planProblem(reads, allowed);
  return problem ? { ok: false, message: problem } : { ok: true, tables: reads.tables };
}

/** DuckDB's refusal in plain words; a file or URL that cannot be opened here is said so. */
function refusal(raw: string): { message: string } {
  if (/Permission Error|disabled by configuration|disabled through configuration/i.test(raw)) {
    return { message: "It reads a file, a URL or a setting outside the staging area, which a recipe may not." };
  }
  if (/Invalid Input Error: Cannot prepare multiple statements|Expected a single statement/i.test(raw)) {
    return { message: "Only one SQL statement is allowed." };
  }
  return fromDuckDbError(raw);
}

const errorMessage = (error: unknown): string => (error instanceof Error ? error.message : String(error));

const tableColumns = (columns: readonly Column[]): string =>
  columns.length ? columns.map((c) => `${ident(c.name)} ${c.type}`).join(", ") : `${ident("_stages_none")} INTEGER`;
