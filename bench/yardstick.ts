// The yardstick: each step of the benchmark's flow as the SQL the engine runs
// for it, from the same compilers (lib/), to run outside the app on the same
// file: in native DuckDB (bench/run.mjs) and in a bare DuckDB-WASM in the same
// Chromium (bench/bare-entry.mjs). The gap to native is what WebAssembly and
// one thread cost; the gap between the app and the bare DuckDB-WASM is what
// the app adds around the SQL.
import { csvCopySql } from "../lib/csv/copy-sql";
import { csvReadCall } from "../lib/csv/read-sql";
import { columnStatsAt, followUps, mergeStats, statsScans } from "../lib/profile/plan";
import { EXACT_DISTINCT_LIMIT } from "../lib/profile/sql";
import { checkFlags, multilineSql, ruleCountsSql } from "../lib/recipe/checks";
import { keptFromLastRun } from "../lib/recipe/recheck";
import { compilePipeline, countsSql, finalPrefix, pipelineNames, RECIPE_SCHEMA, statementSql, transformedViewSql } from "../lib/recipe/pipeline";
import type { Recipe } from "../lib/recipe/schema";
import { literal } from "../lib/sql/quote";
import { MAX_LINE_BYTES } from "../lib/staging/parse-options";
import { rulesAndTransform, rulesOnly, type Flow } from "./flow-recipe";

export { FLOWS } from "./flow-recipe";

export interface Sql {
  run(sql: string): Promise<Record<string, unknown>[]>;
}

export interface YardstickStep {
  /** The name of the app's step it stands beside (bench/browser.mjs). */
  name: string;
  run(sql: Sql): Promise<void>;
}

const STAGED = "staged";

/** The app's read of the benchmark's clean file (workers/engine/csv/read.ts, dialect found, rejects kept). */
export const appReadCall = (path: string): string =>
  csvReadCall({
    path, dialect: { delimiter: ",", quote: '"', escape: '"' }, header: true, strict: true, sniff: true,
    types: {}, rejects: "yardstick_rejects", maxLineBytes: MAX_LINE_BYTES,
  });

/**
 * The steps, in the flow's order. `csvPath` is the file as the engine reads it;
 * `outPath` where the CSV download is written; `parquet` whether this DuckDB can
 * write Parquet (DuckDB-WASM cannot offline: the app writes it with parquet-wasm);
 * `flow` the recipe of the file's shape (bench/flow-recipe.ts).
 */
export function yardstickSteps(csvPath: string, outPath: string, parquet: boolean, flow: Flow): YardstickStep[] {
  let columns: { name: string; type: string }[] = [];
  let rows = 0;
  let multiline: boolean | undefined;
  let last: Recipe | undefined;
  // One set of result tables, as the engine keeps per file: a run keeps what it may of the last one (lib/recipe/recheck.ts).
  const names = pipelineNames("run");
  const runRecipe = async (sql: Sql, recipe: Recipe) => {
    // As the engine does (workers/engine/multiline.ts): asked at the first run, kept for the next.
    multiline ??= (await sql.run(multilineSql(STAGED, columns)))[0]!.multiline !== false;
    const compiled = compilePipeline(STAGED, columns, recipe, names, { multiline, rows, ...(last ? keptFromLastRun(last, recipe) : {}) });
    last = recipe;
    if (!compiled.ok) throw new Error(compiled.problem.reason);
    for (const statement of compiled.statements) await sql.run(statementSql(statement));
    await sql.run(`DROP SCHEMA IF EXISTS ${RECIPE_SCHEMA} CASCADE`);
    await sql.run(`CREATE SCHEMA ${RECIPE_SCHEMA}`);
    await sql.run(transformedViewSql(names));
    if (recipe.sql) await sql.run(`SET search_path = ${literal(RECIPE_SCHEMA)}`);
    await sql.run(finalPrefix(names) + compiled.finalSql);
    if (recipe.sql) await sql.run("RESET search_path");
    await sql.run(countsSql(STAGED, names, checkFlags(recipe.rules)));
    await sql.run(ruleCountsSql(names.checks, checkFlags(recipe.rules)));
    return names;
  };
  return [
    {
      name: "stage (checksum, IndexedDB, DuckDB read)",
      async run(sql) {
        await sql.run(`CREATE TABLE ${STAGED} AS SELECT * FROM ${appReadCall(csvPath)}`);
        columns = (await sql.run(`DESCRIBE ${STAGED}`)).map((r) => ({ name: String(r.column_name), type: String(r.column_type) }));
        rows = Number((await sql.run(`SELECT count(*)::BIGINT AS n FROM ${STAGED}`))[0]!.n);
      },
    },
    {
      name: "profile (all columns)",
      async run(sql) {
        const exact = rows <= EXACT_DISTINCT_LIMIT;
        const scans = [];
        for (const scan of statsScans(STAGED, columns, exact, rows)) scans.push((await sql.run(scan))[0]!);
        const merged = mergeStats(scans);
        for (const [i, c] of columns.entries()) {
          const next = followUps(STAGED, c, columnStatsAt(merged, i), exact, true);
          if (next.query) await sql.run(next.query);
        }
      },
    },
    { name: "validate (10 rules, one pass)", run: (sql) => runRecipe(sql, rulesOnly(flow)).then(() => undefined) },
    { name: "transform (3 steps + SQL aggregate)", run: (sql) => runRecipe(sql, rulesAndTransform(flow)).then(() => undefined) },
    {
      name: "promote (recipe + Parquet to OPFS)",
      async run(sql) {
        await runRecipe(sql, rulesOnly(flow));
        if (parquet) await sql.run(`COPY ${names.final} TO ${literal(`${outPath}.parquet`)} (FORMAT parquet, COMPRESSION zstd)`);
      },
    },
    {
      name: "download as CSV (written to OPFS scratch)",
      async run(sql) {
        const finalColumns = (await sql.run(`DESCRIBE ${names.final}`)).map((r) => ({ name: String(r.column_name), type: String(r.column_type) }));
        await sql.run(csvCopySql(names.final, finalColumns, { neutralizeFormulas: true }, outPath));
      },
    },
  ];
}
