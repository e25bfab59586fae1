import type { TypeFinding } from "@/lib/csv/findings";
import { mayBeNearTyped } from "@/lib/csv/near-types";
import type { Dialect } from "@/lib/csv/records";
import { serialDateCandidates, serialDateFindings, serialDatesSql } from "@/lib/csv/serial-dates";
import type { CsvEngine } from "./engine";
import type { Column } from "./mend";
import { nearTypeFindings } from "../near-types";

export interface CsvNearTypeContext {
  /** Columns read as text on purpose (given a type, codes with leading zeros, text marks). */
  leave: ReadonlySet<string>;
  dialect: Dialect;
  /** The file's first lines of rows, which choose the columns worth a check. */
  head: readonly string[];
  linesBefore: number;
  lineTable: boolean;
}

/**
 * A CSV's columns read as another type than their values are: text columns that are numbers or dates but for a few
 * values, those whose first values look so checked (../near-types.ts); and numbers that are Excel's serial dates.
 */
export async function csvNearTypeFindings(engine: CsvEngine, table: string, columns: readonly Column[], at: CsvNearTypeContext): Promise<TypeFinding[]> {
  const like = new Set(mayBeNearTyped(at.head, at.dialect, columns.map((c) => c.name)));
  const candidates = columns.filter((c) => c.type === "VARCHAR" && like.has(c.name) && !at.leave.has(c.name)).map((c) => c.name);
  const near = await nearTypeFindings(engine, table, columns, { candidates, delimiter: at.dialect.delimiter, linesBefore: at.linesBefore, lineTable: at.lineTable, multiline: true });
  const serial = serialDateCandidates(columns.filter((c) => !at.leave.has(c.name)));
  return serial.length ? [...near, ...serialDateFindings(await engine.rows(serialDatesSql(table, serial)), serial)] : near;
}
