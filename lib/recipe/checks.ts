import type { Column } from "@/lib/datasets/manifest";
import { ident, literal } from "@/lib/sql/quote";
import { isTextType } from "@/lib/sql/types";
import { editedColumnSql, editsReplaceSql, type CellEdit } from "./edits";
import type { References } from "./references";
import { ERRORS, ITEM, LINE, REJECTED, ROW, decimalCommaColumns, passesSql, ruleMessage, type RowRule } from "./rules";
import type { Rule } from "./schema";

/**
 * The checks table: one narrow row per staged row, in the staged table's
 * order: its row number, its source line, one flag per rule (true where the
 * row breaks it) and whether a rejecting rule broke it. The rows themselves
 * are not copied: `checkedRowsSql` joins the checks to them by position, and
 * builds each row's list of errors (rule, column, severity, message, value)
 * from its flags.
 *
 * Flags are fixed-width, so checking edited rows again updates them in place
 * (recheck.ts) and the table keeps its order; DuckDB updates a list column
 * by deleting the row and appending it at the end.
 */
export interface CheckFlag {
  flag: string;
  rule: RowRule;
}

/** A file's checks table and the flags its run wrote, for whatever reads them. */
export interface Checks {
  table: string;
  flags: CheckFlag[];
}

/** The flag columns of the rules that run on each row, in the recipe's order. */
export const checkFlags = (rules: readonly Rule[]): CheckFlag[] =>
  rules.filter((r): r is RowRule => r.enabled && r.kind !== "columns").map((rule, i) => ({ flag: `_stages_fail_${i}`, rule }));

const flagOf = (f: CheckFlag, alias: string) => `${alias ? `${alias}.` : ""}${ident(f.flag)}`;
const anyOf = (terms: string[]) => (terms.length ? `(${terms.join(" OR ")})` : "false");

/** True where the row breaks any of these flags' rules. */
export const failsAnySql = (flags: readonly CheckFlag[], alias = ""): string => anyOf(flags.map((f) => flagOf(f, alias)));

/** True where a rule broken on the row names this column. */
export const failsOnColumnSql = (flags: readonly CheckFlag[], column: string, alias = ""): string =>
  failsAnySql(flags.filter((f) => "column" in f.rule && f.rule.column === column), alias);

/** The texts (`text` of each broken rule, SQL) joined by `separator` (SQL); NULL where the row breaks none. */
export const failedTextSql = (flags: readonly CheckFlag[], alias: string, text: (rule: RowRule) => string, separator: string): string =>
  flags.length ? `NULLIF(concat_ws(${separator}, ${flags.map((f) => `CASE WHEN ${flagOf(f, alias)} THEN ${text(f.rule)} END`).join(", ")}), '')` : "CAST(NULL AS VARCHAR)";

const ERROR_TYPE = "STRUCT(rule VARCHAR, col VARCHAR, severity VARCHAR, message VARCHAR, value VARCHAR)[]";

/** A row's list of errors, from its flags (`checks`) and its values (`values`, the edits in force). */
export function errorsSql(flags: readonly CheckFlag[], checks: string, values: string): string {
  const none = `CAST([] AS ${ERROR_TYPE})`;
  if (!flags.length) return none;
  const entries = flags.map(({ flag, rule }) => {
    const value = "column" in rule ? `CAST(${values}.${ident(rule.column)} AS VARCHAR)` : "NULL";
    const col = "column" in rule ? literal(rule.column) : "NULL";
    return `CASE WHEN ${flagOf({ flag, rule }, checks)} THEN {'rule': ${literal(rule.id)}, 'col': ${col}, 'severity': ${literal(rule.severity)}, 'message': ${literal(ruleMessage(rule))}, 'value': ${value}} END`;
  });
  // Most rows pass every rule: the list is built only for a row that breaks one.
  return `CASE WHEN ${failsAnySql(flags, checks)} THEN CAST(list_filter([${entries.join(", ")}], ${ITEM} -> ${ITEM} IS NOT NULL) AS ${ERROR_TYPE}) ELSE ${none} END`;
}

/** Two rows (by alias) have the same key: every key column equal, empty ones equal too. */
export const sameKeySql = (keys: readonly string[], a: string, b: string): string => keys.map(ident).map((k) => `${a}.${k} IS NOT DISTINCT FROM ${b}.${k}`).join(" AND ");

/** The keys a row-comparing rule partitions by, or null for a rule that looks at one row. */
export const uniqueKeys = (rule: RowRule): string[] | null =>
  rule.kind === "unique" ? [rule.column] : rule.kind === "uniqueKey" ? rule.columns : null;

/** A column's value with the edits in force. */
const editedSql = (columns: readonly Column[], edits: readonly CellEdit[], name: string): string =>
  editedColumnSql(columns.find((c) => c.name === name) ?? { name, type: "VARCHAR" }, edits);

/** A column's value with the edits in force, named as the column. */
export const editedAs = (columns: readonly Column[], edits: readonly CellEdit[], name: string): string => `${editedSql(columns, edits, name)} AS ${ident(name)}`;

/**
 * The most rows one grouping of a uniqueness rule's keys is given. DuckDB-WASM cannot spill to disk, and
 * a grouping holds every distinct key at once: at 58 M keys it asked for one 1 GiB block and ran out of
 * memory. Above this, the keys are grouped in partitions by their hash, one after another, each needing
 * its share (natively, 30 M keys: 4 partitions took 3.67 s against 3.65 s for one grouping).
 */
export const ROWS_PER_GROUPING = 8_000_000;

/** How many partitions a uniqueness rule's grouping of `rows` rows takes. */
export const groupingPartitions = (rows: number): number => Math.max(1, Math.ceil(rows / ROWS_PER_GROUPING));

/** How the checks are written: where each row's line is, the edits in force, whether any value spans lines, its row count. */
export interface CheckOptions {
  /** The file's lines before its first row (a row's line is its number plus these, and its values' line ends before it). */
  headerLines?: number;
  /** A table of each row's line, in the rows' order, for rows that do not follow one another line by line (it replaces the two above). */
  lineTable?: string;
  edits?: readonly CellEdit[];
  /** Whether a text value may hold a newline (`multilineSql`); when none does, a row's line is its number plus the header's. */
  multiline?: boolean;
  /** The input's row count, when known: above `ROWS_PER_GROUPING` a uniqueness rule groups its keys in partitions. */
  rows?: number;
  /** The other staged files reference rules look values up in (references.ts). */
  references?: References;
}

/** The key values of `input` that occur more than once (edits in force), grouped in `partitions` passes by their hash. */
function repeatedKeysSql(input: string, keys: readonly string[], columns: readonly Column[], edits: readonly CellEdit[], partitions: number): string {
  const select = (where: string) => `SELECT ${keys.map((k) => editedAs(columns, edits, k)).join(", ")}, true AS _stages_dup FROM ${input}${where} GROUP BY ALL HAVING count(*) > 1`;
  if (partitions === 1) return select("");
  const hash = `hash(${keys.map((k) => editedSql(columns, edits, k)).join(", ")})`;
  return Array.from({ length: partitions }, (_, p) => select(` WHERE ${hash} % ${partitions} = ${p}`)).join("\nUNION ALL\n");
}

/**
 * The sum of the terms as a balanced tree of additions: DuckDB binds `a + b + c + …` as a chain as deep as the
 * terms are many, which took it about a second for 500 text columns (0.09 s balanced), at every view built on it.
 */
export function balancedSum(terms: readonly string[]): string {
  if (terms.length <= 2) return terms.join(" + ");
  const half = terms.length >> 1;
  return `(${balancedSum(terms.slice(0, half))}) + (${balancedSum(terms.slice(half))})`;
}

/** True when some text value of the table holds a newline (it stops at the first). */
export const multilineSql = (input: string, columns: readonly Column[]): string => {
  const text = columns.filter((c) => isTextType(c.type)).map((c) => `contains(${ident(c.name)}, chr(10))`);
  return `SELECT ${text.length ? `EXISTS (SELECT 1 FROM ${input} WHERE ${text.join(" OR ")})` : "false"} AS multiline`;
};

/**
 * The checks of every row of `input`, in input order (see above): every rule
 * in one pass, streamed: no sort, no join by position. A uniqueness rule reads
 * a small table of the key values that occur more than once (a grouping,
 * materialized first, in partitions above ROWS_PER_GROUPING rows).
 *
 * When values span lines, a row's line is its number plus the newlines in the
 * rows before it (as read from the file: edits do not move lines), a running
 * sum over the rows in order. It is DuckDB's streaming window (no PARTITION
 * BY, no ORDER BY, frame up to the current row), which keeps input order
 * (its operator requires it) and holds nothing: the ordered window it
 * replaces kept and sorted every row, and ran DuckDB-WASM out of memory at
 * 58 M rows. A value is measured only when it holds a newline.
 */
export function validationSql(input: string, rules: readonly Rule[], columns: readonly Column[], { headerLines = 1, lineTable, edits = [], multiline = true, rows: rowCount = 0, references }: CheckOptions = {}): string {
  const flags = checkFlags(rules);
  const decimalComma = decimalCommaColumns(rules);
  const keyed = flags.filter((f) => uniqueKeys(f.rule));
  const repeated = keyed.map((f, i) => {
    const keys = uniqueKeys(f.rule)!;
    return {
      cte: `_stages_dups${i} AS MATERIALIZED (${repeatedKeysSql(input, keys, columns, edits, groupingPartitions(rowCount))})`,
      lookup: `(NOT EXISTS (SELECT 1 FROM _stages_dups${i} AS d${i} WHERE ${sameKeySql(keys, "src", `d${i}`)}))`,
    };
  });
  const newlines = columns
    .filter((c) => multiline && !lineTable && isTextType(c.type))
    .map((c) => ident(c.name))
    .map((c) => `CASE WHEN contains(${c}, chr(10)) THEN length(${c}) - length(replace(${c}, chr(10), '')) ELSE 0 END`);
  // The newlines are counted on the values as read, beside the edited values (`* REPLACE` leaves the others as read).
  const counted = newlines.length ? `, ${balancedSum(newlines)} AS _stages_nl` : "";
  const rows = `(SELECT CAST(rowid + 1 AS BIGINT) AS ${ROW}${counted}, *${editsReplaceSql(columns, edits)} FROM ${input}) AS src${lineTable ? ` POSITIONAL JOIN ${ident(lineTable)} AS _stages_l` : ""}`;
  const line = lineTable
    ? "_stages_l.line"
    : newlines.length
    ? `CAST(src.${ROW} + ${headerLines} + sum(src._stages_nl) OVER (ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) - src._stages_nl AS BIGINT)`
    : `CAST(src.${ROW} + ${headerLines} AS BIGINT)`;
  const ctes = repeated.length ? `WITH ${repeated.map((d) => d.cte).join(",\n")}\n` : "";
  return `${ctes}SELECT *, ${anyOf(flags.filter((f) => f.rule.severity === "reject").map((f) => ident(f.flag)))} AS ${REJECTED} FROM (
SELECT src.${ROW}, ${line} AS ${LINE}${flags.map((f) => `, NOT ${passesSql(f.rule, columns, { flag: keyed.includes(f) ? repeated[keyed.indexOf(f)]!.lookup : undefined, references, decimalComma })} AS ${ident(f.flag)}`).join("")}
FROM ${rows})`;
}

/** The rows of `input` (with `replace`, the edits: edits.ts) beside their checks, joined by position, each with its list of errors. */
export const checkedRowsSql = (input: string, checks: string, flags: readonly CheckFlag[], replace = ""): string =>
  `SELECT c.${ROW}, s.*, c.${LINE}, ${errorsSql(flags, "c", "s")} AS ${ERRORS}, c.${REJECTED} FROM ${replace ? `(SELECT *${replace} FROM ${input})` : input} AS s POSITIONAL JOIN ${checks} AS c`;

/** How many rows broke each rule (rules no row broke left out), most first: one pass over the flags. */
export function ruleCountsSql(checks: string, flags: readonly CheckFlag[]): string {
  if (!flags.length) return "SELECT NULL::VARCHAR AS rule, NULL::VARCHAR AS severity, 0::BIGINT AS n WHERE false";
  const counts = flags.map((f) => `{'rule': ${literal(f.rule.id)}, 'severity': ${literal(f.rule.severity)}, 'n': count(*) FILTER (WHERE ${ident(f.flag)})::BIGINT}`);
  return `SELECT rule, severity, n FROM (SELECT unnest([${counts.join(", ")}], recursive := true) FROM ${ident(checks)}) WHERE n > 0 ORDER BY n DESC, rule`;
}
