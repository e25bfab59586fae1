import { formulaTextAggregate, formulaTextStatement, mayBeFormulaText } from "@/lib/csv/formula-text";
import { ident } from "@/lib/sql/quote";
import type { CsvEngine } from "./engine";
import type { Column } from "./mend";
import { textColumnsWorthChecking } from "./peek";

/** The text columns whose every value is an Excel text formula (="02134": lib/csv/formula-text.ts) become the text inside, in place; returns their names. */
export async function readFormulaText(engine: CsvEngine, table: string, columns: readonly Column[], types: Record<string, string>): Promise<string[]> {
  const candidates = await textColumnsWorthChecking(engine, table, columns, types, mayBeFormulaText);
  if (candidates.length === 0) return [];
  const [found = {}] = await engine.rows(`SELECT ${candidates.map((c, i) => formulaTextAggregate(c.name, `c${i}`)).join(", ")} FROM ${ident(table)}`);
  const unwrapped = candidates.filter((_, i) => found[`c${i}`] === true).map((c) => c.name);
  for (const column of unwrapped) await engine.rows(formulaTextStatement(table, column));
  return unwrapped;
}
