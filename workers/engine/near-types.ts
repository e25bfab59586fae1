import type { TypeFinding } from "@/lib/csv/findings";
import { kindsWorthTrying, likeNumbersOrDates, nearTypes, nearTypesSql, waysAddedSql, type NearType } from "@/lib/csv/near-types";
import { NUMBER_EXAMPLE } from "@/lib/csv/number-format";
import { checkFlags, validationSql } from "@/lib/recipe/checks";
import { LINE } from "@/lib/recipe/rules";
import { ident } from "@/lib/sql/quote";
import type { CsvEngine } from "./csv/engine";
import type { Column } from "./csv/mend";
import { rowLinesTable } from "./csv/row-lines";
import { describe } from "./csv/table";

/** The rows whose values choose the columns to check: the whole column is checked before a finding is made. */
const SAMPLE_ROWS = 2048;
/** Values a sample takes at most, but never fewer than its first rows: 1,000 columns of 2,048 rows took 4 s to check. */
const SAMPLE_VALUES = 200_000;
const MIN_SAMPLE_ROWS = 200;
/** Values a finding shows, at most (as for the values the read's casts found: csv/mend.ts). */
const SHOWN = 100;

export interface NearTypeContext {
  /** The text columns worth a check, by name. */
  candidates: readonly string[];
  /** The file's delimiter: a comma rules out numbers with a decimal comma. */
  delimiter: string;
  /** Lines of the file before the first row, and whether each row's line is in a table of its own (csv/row-lines.ts). */
  linesBefore: number;
  lineTable: boolean;
  /** A value over two lines puts the rows after it a line further (CSV): not so for JSON's values. */
  multiline: boolean;
}

/**
 * Text columns that are numbers or dates but for a few values (lib/csv/near-types.ts), as findings: their
 * values that do not fit, with their lines, found by the very rule the finding offers, as a run would.
 */
export async function nearTypeFindings(engine: CsvEngine, table: string, columns: readonly Column[], at: NearTypeContext): Promise<TypeFinding[]> {
  if (!at.candidates.length) return [];
  // Each column is checked whole against the kinds its first rows may be (a failed parse of a date costs DuckDB dear).
  const rows = Math.max(MIN_SAMPLE_ROWS, Math.min(SAMPLE_ROWS, Math.floor(SAMPLE_VALUES / at.candidates.length)));
  const worth = kindsWorthTrying(await engine.rows(nearTypesSql(table, at.candidates, at.delimiter, rows)), at.candidates, at.delimiter);
  const near: NearType[] = [];
  for (const [kinds, some] of byKinds(worth)) {
    const whole = await engine.rows(nearTypesSql(table, some, at.delimiter, undefined, kinds));
    near.push(...(await Promise.all(nearTypes(whole, some, at.delimiter).map((n) => (n.ways ? waysNeeded(engine, table, n) : n)))));
  }
  const order = new Map(at.candidates.map((name, i) => [name, i]));
  return misfitsOf(engine, table, columns, near.sort((a, b) => order.get(a.column)! - order.get(b.column)!), at);
}

/** Columns that try the same kinds, together: one scan each. */
function byKinds(worth: ReadonlyMap<string, readonly number[]>): [readonly number[], string[]][] {
  const groups = new Map<string, [readonly number[], string[]]>();
  for (const [column, kinds] of worth) {
    const key = kinds.join(",");
    const group = groups.get(key) ?? [kinds, []];
    group[1].push(column);
    groups.set(key, group);
  }
  return [...groups.values()];
}

/** Of a column's ways of writing dates, those that read values no way before them reads. */
async function waysNeeded(engine: CsvEngine, table: string, near: NearType): Promise<NearType> {
  const ways = near.ways!;
  const [added = {}] = await engine.rows(waysAddedSql(table, near.column, ways));
  const counts = ways.map((_, j) => Number(added[`w${j}`] ?? 0));
  return { ...near, ways: ways.filter((_, j) => counts[j]! > 0), wayCounts: counts.filter((n) => n > 0) };
}

/**
 * Findings checked together, at most: the check holds their columns' values for every row while it numbers the rows'
 * lines (a window over the file), so a file of very many such columns is checked in parts.
 */
const CHECKED_TOGETHER = 500;

/**
 * The findings' values that do not fit, by the rules they offer, with their lines: one check of a batch of columns,
 * their misfits unpivoted into (column, line, value) and the first few of each kept. A check a column, each numbering
 * every row's line over all the file's columns, took a 1,000-column file six minutes.
 */
async function misfitsOf(engine: CsvEngine, table: string, columns: readonly Column[], found: readonly NearType[], at: NearTypeContext): Promise<TypeFinding[]> {
  const findings: TypeFinding[] = [];
  for (let i = 0; i < found.length; i += CHECKED_TOGETHER) {
    const some = found.slice(i, i + CHECKED_TOGETHER);
    const flags = checkFlags(some.map((near, j) => ({ ...near.rule, id: `near${j}` })));
    const checks = validationSql(ident(table), flags.map((f) => f.rule), columns, { headerLines: at.linesBefore, lineTable: at.lineTable ? rowLinesTable(table) : undefined, multiline: at.multiline });
    const misfit = some.map((near, j) => {
      const value = `s.${ident(near.column)}`;
      return `CASE WHEN c.${ident(flags[j]!.flag)} AND trim(${value}) <> '' THEN ${value} END AS ${ident(`m${j}`)}`;
    });
    const values = `UNPIVOT (SELECT c.${LINE} AS line, ${misfit.join(", ")} FROM ${ident(table)} AS s POSITIONAL JOIN (${checks}) AS c) ON COLUMNS(* EXCLUDE (line)) INTO NAME m VALUE value`;
    const misfits = await engine.rows(`SELECT m, unnest(min_by({'line': line, 'value': value}, line, ${SHOWN}), recursive := true) FROM (${values}) GROUP BY m`);
    const of = new Map<unknown, { line: number; value: string }[]>();
    for (const r of misfits) of.set(r.m, [...(of.get(r.m) ?? []), { line: Number(r.line), value: String(r.value) }]);
    some.forEach((near, j) => findings.push({ column: near.column, type: near.type, values: of.get(`m${j}`) ?? [], ...writtenOf(near) }));
  }
  return findings;
}

/** How a finding's values are written, for the rule and the cast step it offers to read them by. */
function writtenOf(near: NearType): Pick<TypeFinding, "written" | "decimalChar" | "format" | "wayCounts"> {
  if (near.written) return { written: NUMBER_EXAMPLE[near.written] };
  if (near.ways && near.ways.length > 1) return { format: near.ways, wayCounts: near.wayCounts! };
  const rule = near.rule;
  return rule.kind === "type" ? { ...(rule.decimalChar ? { decimalChar: rule.decimalChar } : {}), ...(rule.format ? { format: rule.format } : {}) } : {};
}

/** The records whose text values choose a JSON file's fields worth a check, as a CSV's first lines choose its columns. */
const HEAD_RECORDS = 200;

/**
 * A JSON file's fields of numbers or dates but for a few values (a string "N/A" among numbers): the text fields,
 * but those given a type, whose first values look like numbers or dates are checked; a value's line is its record's
 * number (or its NDJSON line, from the line table). A comma rules out decimal commas: "1,234" in a JSON string is as likely a thousand.
 */
export async function jsonNearTypeFindings(engine: CsvEngine, table: string, given: Readonly<Record<string, string>>, lineTable: boolean): Promise<TypeFinding[]> {
  const columns = await describe(engine, table);
  const text = columns.filter((c) => c.type === "VARCHAR" && !(c.name in given)).map((c) => c.name);
  if (!text.length) return [];
  const head = await engine.rows(`SELECT ${text.map(ident).join(", ")} FROM ${ident(table)} LIMIT ${HEAD_RECORDS}`);
  const candidates = likeNumbersOrDates(head.map((r) => text.map((name) => (r[name] === null || r[name] === undefined ? "" : String(r[name])))), text);
  return candidates.length ? nearTypeFindings(engine, table, columns, { candidates, delimiter: ",", linesBefore: 0, lineTable, multiline: false }) : [];
}
