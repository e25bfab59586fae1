import type { TypeFinding } from "@/lib/csv/findings";
import { mayBeNearTyped, nearTypes, nearTypesSql, type NearType } from "@/lib/csv/near-types";
import type { Dialect } from "@/lib/csv/records";
import { validationSql } from "@/lib/recipe/checks";
import { LINE, REJECTED } from "@/lib/recipe/rules";
import { ident } from "@/lib/sql/quote";
import type { CsvEngine } from "./engine";
import type { Column } from "./mend";
import { rowLinesTable } from "./row-lines";

/** The rows whose values choose the columns to check: the whole column is checked before a finding is made. */
const SAMPLE_ROWS = 2048;
/** Columns per scan: a scan's aggregates (six a column) over 1,500 columns at once ran DuckDB-WASM out of memory. */
const COLUMNS_PER_SCAN = 50;
/** Values a finding shows, at most (as for the values the read's casts found: mend.ts). */
const SHOWN = 100;

export interface NearTypeContext {
  /** Columns read as text on purpose (given a type, codes with leading zeros, text marks). */
  leave: ReadonlySet<string>;
  dialect: Dialect;
  /** The file's first lines of rows, which choose the columns worth a check. */
  head: readonly string[];
  /** Lines of the file before the first row, and whether each row's line is in a table of its own (row-lines.ts). */
  linesBefore: number;
  lineTable: boolean;
}

/**
 * Text columns that are numbers or dates but for a few values (lib/csv/near-types.ts), as findings: their
 * values that do not fit, with their lines, found by the very rule the finding offers, as a run would.
 */
export async function nearTypeFindings(engine: CsvEngine, table: string, columns: readonly Column[], at: NearTypeContext): Promise<TypeFinding[]> {
  const like = new Set(mayBeNearTyped(at.head, at.dialect, columns.map((c) => c.name)));
  const text = columns.filter((c) => c.type === "VARCHAR" && like.has(c.name) && !at.leave.has(c.name)).map((c) => c.name);
  const { delimiter } = at.dialect;
  const maybe: string[] = [];
  for (let i = 0; i < text.length; i += COLUMNS_PER_SCAN) {
    const some = text.slice(i, i + COLUMNS_PER_SCAN);
    const [sample = {}] = await engine.rows(nearTypesSql(table, some, delimiter, SAMPLE_ROWS));
    maybe.push(...nearTypes(sample, some, delimiter, true).map((n) => n.column));
  }
  const findings: TypeFinding[] = [];
  for (let i = 0; i < maybe.length; i += COLUMNS_PER_SCAN) {
    const some = maybe.slice(i, i + COLUMNS_PER_SCAN);
    const [whole = {}] = await engine.rows(nearTypesSql(table, some, delimiter));
    findings.push(...(await misfitsOf(engine, table, columns, nearTypes(whole, some, delimiter), at)));
  }
  return findings;
}

async function misfitsOf(engine: CsvEngine, table: string, columns: readonly Column[], found: readonly NearType[], at: NearTypeContext): Promise<TypeFinding[]> {
  const findings: TypeFinding[] = [];
  for (const near of found) {
    const checks = validationSql(ident(table), [near.rule], columns, { headerLines: at.linesBefore, lineTable: at.lineTable ? rowLinesTable(table) : undefined });
    const value = ident(near.column);
    const misfits = await engine.rows(
      `SELECT c.${LINE} AS line, ${value} AS value FROM ${ident(table)} AS s POSITIONAL JOIN (${checks}) AS c WHERE c.${REJECTED} AND trim(${value}) <> '' LIMIT ${SHOWN}`,
    );
    const values = misfits.map((m) => ({ line: Number(m.line), value: String(m.value) }));
    const { decimalChar, format } = near.rule;
    findings.push({ column: near.column, type: near.type, values, ...(decimalChar ? { decimalChar } : {}), ...(format ? { format } : {}) });
  }
  return findings;
}
