/**
 * What a statement reads, from DuckDB's own plan (`EXPLAIN (FORMAT JSON)`):
 * the tables its scans read and the table functions it calls. DuckDB's binder
 * has resolved every name, view, replacement scan and `query()` string by
 * then, so this is what would run, whatever the spelling of the SQL.
 */
export interface PlanReads {
  tables: string[];
  functions: string[];
  /** The plan's leaves that are neither a table scan nor a function call, by operator name. */
  sources: string[];
}

interface PlanNode {
  name?: string;
  children?: PlanNode[];
  extra_info?: Record<string, unknown>;
}

/**
 * Table functions a recipe may call: they compute rows from their arguments
 * and touch no file, URL, setting or catalog. Every other one is refused,
 * including those that only bind harmlessly (sniff_csv reads its file when it
 * runs, not when it is bound).
 */
export const SAFE_TABLE_FUNCTIONS: ReadonlySet<string> = new Set(["RANGE", "GENERATE_SERIES", "UNNEST"]);

/** Leaves that produce rows from the plan itself: constants, CTEs, joins' own buffers. */
const INNER_SOURCES: ReadonlySet<string> = new Set([
  "DUMMY_SCAN", "EMPTY_RESULT", "COLUMN_DATA_SCAN", "EXPRESSION_SCAN", "CTE_SCAN", "REC_CTE_SCAN", "DELIM_SCAN", "CHUNK_SCAN",
]);

export function planReads(explainJson: string): PlanReads {
  const tables = new Set<string>();
  const functions = new Set<string>();
  const sources = new Set<string>();
  const visit = (node: PlanNode) => {
    const info = node.extra_info ?? {};
    const children = node.children ?? [];
    // DuckDB 1.4 names a scanned table bare, later versions as catalog.schema.table: the engine's table names hold no dot.
    if (typeof info.Table === "string") tables.add(info.Table.slice(info.Table.lastIndexOf(".") + 1));
    else if (typeof info.Function === "string") functions.add(info.Function.toUpperCase());
    else if (children.length === 0) sources.add((node.name ?? "").trim().toUpperCase());
    for (const child of children) visit(child);
  };
  const parsed = JSON.parse(explainJson) as PlanNode | PlanNode[];
  for (const root of Array.isArray(parsed) ? parsed : [parsed]) visit(root);
  return { tables: [...tables], functions: [...functions], sources: [...sources].filter((s) => !INNER_SOURCES.has(s)) };
}

/** Why a plan reads more than `allowed` tables and safe functions, or null. */
export function planProblem(reads: PlanReads, allowed: ReadonlySet<string>): string | null {
  if (reads.sources.length) return `It reads from ${reads.sources[0]}, which a recipe may not: a recipe reads only transformed and staged files by their SQL names.`;
  const fn = reads.functions.find((f) => !SAFE_TABLE_FUNCTIONS.has(f));
  if (fn) return `${fn.toLowerCase()}() is a table function a recipe may not call: a recipe reads only transformed and staged files by their SQL names.`;
  const table = reads.tables.find((t) => !allowed.has(t));
  if (table) return `It reads ${table}, which this recipe may not read: a recipe reads only transformed and staged files by their SQL names.`;
  return null;
}
