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

const MARKS = {
  formulaText: { worth: mayBeFormulaText, aggregate: formulaTextAggregate, statement: formulaTextStatement },
  apostropheText: { worth: mayBeApostropheText, aggregate: apostropheTextAggregate, statement: apostropheTextStatement },
} satisfies Record<string, TextMark>;

type MarkedColumns = Record<keyof typeof MARKS, string[]>;

/**
 * The text columns whose every value is an Excel text formula (="02134") become the text inside, and those whose
 * values carry a spreadsheet's text mark ('00123, or a formula guard '=A1) lose it, in place: one look at the
 * first rows and one scan for both. Returns the columns of each.
 */
export async function readTextMarks(engine: CsvEngine, table: string, columns: readonly Column[], types: Record<string, string>): Promise<MarkedColumns> {
  const marks = Object.entries(MARKS) as [keyof typeof MARKS, TextMark][];
  const found: MarkedColumns = { formulaText: [], apostropheText: [] };
  const candidates = await textColumnsWorthChecking(engine, table, columns, types, (first) => marks.some(([, m]) => m.worth(first)));
  if (candidates.length === 0) return found;
  const aggregates = candidates.flatMap((c, i) => marks.map(([kind, m]) => m.aggregate(c.name, `${kind}${i}`)));
  const [row = {}] = await engine.rows(`SELECT ${aggregates.join(", ")} FROM ${ident(table)}`);
  for (const [kind, m] of marks) {
    found[kind] = candidates.filter((_, i) => row[`${kind}${i}`] === true).map((c) => c.name);
    for (const column of found[kind]) await engine.rows(m.statement(table, column));
  }
  return found;
}
