import type { TypeFinding } from "@/lib/csv/findings";
import { kindsWorthTrying, likeNumbersOrDates, nearTypes, nearTypesSql, waysAddedSql, type NearType } from "@/lib/csv/near-types";
import { NUMBER_EXAMPLE } from "@/lib/csv/number-format";
import { validationSql } from "@/lib/recipe/checks";
import { LINE, REJECTED } from "@/lib/recipe/rules";
import { ident } from "@/lib/sql/quote";
import type { CsvEngine } from "./csv/engine";
import type { Column } from "./csv/mend";
import { rowLinesTable } from "./csv/row-lines";
import { describe } from "./csv/table";

/** The rows whose values choose the columns to check: the whole column is checked before a finding is made. */
const SAMPLE_ROWS = 2048;
/** Columns per scan: a scan's aggregates (six a column) over 1,500 columns at once ran DuckDB-WASM out of memory. */
const COLUMNS_PER_SCAN = 50;
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
  // Each column is checked whole against the kinds its first rows may be (a failed parse of a date costs DuckDB dear).
  const worth = new Map<string, number[]>();
  for (let i = 0; i < at.candidates.length; i += COLUMNS_PER_SCAN) {
    const some = at.candidates.slice(i, i + COLUMNS_PER_SCAN);
    const [sample = {}] = await engine.rows(nearTypesSql(table, some, at.delimiter, SAMPLE_ROWS));
    for (const [column, kinds] of kindsWorthTrying(sample, some, at.delimiter)) worth.set(column, kinds);
  }
  const maybe = [...worth.keys()];
  const findings: TypeFinding[] = [];
  for (let i = 0; i < maybe.length; i += COLUMNS_PER_SCAN) {
    const some = maybe.slice(i, i + COLUMNS_PER_SCAN);
    const [whole = {}] = await engine.rows(nearTypesSql(table, some, at.delimiter, undefined, worth));
    const found = await Promise.all(nearTypes(whole, some, at.delimiter).map((near) => (near.ways ? waysNeeded(engine, table, near) : near)));
    findings.push(...(await misfitsOf(engine, table, columns, found, at)));
  }
  return findings;
}

/** Of a column's ways of writing dates, those that read values no way before them reads. */
async function waysNeeded(engine: CsvEngine, table: string, near: NearType): Promise<NearType> {
  const ways = near.ways!;
  const [added = {}] = await engine.rows(waysAddedSql(table, near.column, ways));
  const counts = ways.map((_, j) => Number(added[`w${j}`] ?? 0));
  return { ...near, ways: ways.filter((_, j) => counts[j]! > 0), wayCounts: counts.filter((n) => n > 0) };
}

async function misfitsOf(engine: CsvEngine, table: string, columns: readonly Column[], found: readonly NearType[], at: NearTypeContext): Promise<TypeFinding[]> {
  const findings: TypeFinding[] = [];
  for (const near of found) {
    const checks = validationSql(ident(table), [near.rule], columns, { headerLines: at.linesBefore, lineTable: at.lineTable ? rowLinesTable(table) : undefined, multiline: at.multiline });
    const value = ident(near.column);
    const misfits = await engine.rows(
      `SELECT c.${LINE} AS line, ${value} AS value FROM ${ident(table)} AS s POSITIONAL JOIN (${checks}) AS c WHERE c.${REJECTED} AND trim(${value}) <> '' LIMIT ${SHOWN}`,
    );
    const values = misfits.map((m) => ({ line: Number(m.line), value: String(m.value) }));
    findings.push({ column: near.column, type: near.type, values, ...writtenOf(near) });
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
