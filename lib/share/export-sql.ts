import type { Column } from "@/lib/datasets/manifest";
import { compilePipeline, finalPrefix, pipelineNames, REJECT_LINE } from "@/lib/recipe/pipeline";
import type { Recipe } from "@/lib/recipe/schema";
import { ident, literal } from "@/lib/sql/quote";
import type { ParseOptions } from "@/lib/staging/parse-options";
import { readCsvSql } from "@/lib/staging/parse-options";

/**
 * A recipe as a DuckDB script that reproduces the pipeline outside the
 * browser: read the source, check the rules, run the steps and SQL, write
 * the rejected rows (CSV) and the final rows (Parquet, zstd). It is the same
 * SQL the browser runs, from the same compiler.
 */
export interface ExportSource {
  /** The file name the script reads, relative to where it runs (or a path). */
  path: string;
  parse: ParseOptions;
  columns: Column[];
}

const STAGED = "staged";

function readSql(source: ExportSource): string | null {
  const p = literal(source.path);
  switch (source.parse.format) {
    case "csv":
      return readCsvSql(source.path, source.parse);
    case "parquet":
      return `read_parquet(${p})`;
    case "json":
      return `read_json_auto(${p})`;
    case "ndjson":
      return `read_json_auto(${p}, format = 'newline_delimited')`;
    case "xlsx":
      return null;
  }
}

export function exportSql(recipe: Recipe, source: ExportSource, outputStem: string): { ok: true; script: string } | { ok: false; reason: string } {
  const read = readSql(source);
  if (!read) return { ok: false, reason: "Excel workbooks cannot be read by DuckDB without its excel extension: save the sheet as CSV and stage that." };
  const names = pipelineNames("stages");
  const compiled = compilePipeline(STAGED, source.columns, recipe, names);
  if (!compiled.ok) return { ok: false, reason: compiled.problem.reason };
  const script = [
    `-- Stages recipe${recipe.name ? ` "${recipe.name.replaceAll("\n", " ")}"` : ""}, exported for the DuckDB CLI.`,
    `-- Run it next to ${source.path}: duckdb < ${outputStem}.sql`,
    `CREATE OR REPLACE TABLE ${STAGED} AS SELECT * FROM ${read};`,
    ...compiled.statements.map((s) => `${s};`),
    `${finalPrefix(names)}${compiled.finalSql};`,
    `COPY (SELECT * FROM ${ident(names.rejected)} ORDER BY ${REJECT_LINE}) TO ${literal(`${outputStem}-rejected.csv`)} (HEADER);`,
    `COPY ${ident(names.final)} TO ${literal(`${outputStem}-final.parquet`)} (FORMAT parquet, COMPRESSION zstd);`,
    `SELECT (SELECT count(*) FROM ${STAGED}) AS rows_in, (SELECT count(*) FROM ${ident(names.rejected)}) AS rows_rejected, (SELECT count(*) FROM ${ident(names.final)}) AS rows_final;`,
    "",
  ];
  return { ok: true, script: script.join("\n") };
}
