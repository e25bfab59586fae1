import { apostropheTextAggregate, apostropheTextStatement, mayBeApostropheText } from "@/lib/csv/apostrophe-text";
import { formulaTextAggregate, formulaTextStatement, mayBeFormulaText } from "@/lib/csv/formula-text";
import { ident } from "@/lib/sql/quote";
import type { CsvEngine } from "./engine";
import type { Column } from "./mend";
import { textColumnsWorthChecking } from "./peek";

/** How values a writer marked as text for a spreadsheet are found and unmarked (lib/csv/formula-text.ts, lib/csv/apostrophe-text.ts). */
interface TextMark {
  worth: (first: (string | null)[]) => boolean;
  aggregate: (column: string, alias: string) => string;
  statement: (table: string, column: string) => string;
}

const FORMULA: TextMark = { worth: mayBeFormulaText, aggregate: formulaTextAggregate, statement: formulaTextStatement };
const APOSTROPHE: TextMark = { worth: mayBeApostropheText, aggregate: apostropheTextAggregate, statement: apostropheTextStatement };

/** The text columns whose every value is an Excel text formula (="02134") become the text inside, in place; returns their names. */
export const readFormulaText = (engine: CsvEngine, table: string, columns: readonly Column[], types: Record<string, string>) => unmark(engine, table, columns, types, FORMULA);

/** The text columns whose values carry a spreadsheet's text mark ('00123, or a formula guard '=A1) lose it, in place; returns their names. */
export const readApostropheText = (engine: CsvEngine, table: string, columns: readonly Column[], types: Record<string, string>) => unmark(engine, table, columns, types, APOSTROPHE);

async function unmark(engine: CsvEngine, table: string, columns: readonly Column[], types: Record<string, string>, mark: TextMark): Promise<string[]> {
  const candidates = await textColumnsWorthChecking(engine, table, columns, types, mark.worth);
  if (candidates.length === 0) return [];
  const [found = {}] = await engine.rows(`SELECT ${candidates.map((c, i) => mark.aggregate(c.name, `c${i}`)).join(", ")} FROM ${ident(table)}`);
  const unmarked = candidates.filter((_, i) => found[`c${i}`] === true).map((c) => c.name);
  for (const column of unmarked) await engine.rows(mark.statement(table, column));
  return unmarked;
}
