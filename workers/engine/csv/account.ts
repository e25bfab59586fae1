import { accountLines, type LineAccount } from "@/lib/csv/accounting";
import type { CsvEngine } from "./engine";
import type { TextSample } from "./sample";
import { countRows, lineEndsInValues } from "./table";

/**
 * Where every line went. The lines of the rows are what is left once the
 * rest is counted. When DuckDB rejected no line, it consumed every line of
 * the body into rows, so that is the count (more lines than rows: values
 * that span lines). When it rejected some, the line ends inside values are
 * counted (a scan of the table, paid only by messy files) to check the sum.
 */
export async function account(
  engine: CsvEngine,
  table: string,
  columns: Parameters<typeof lineEndsInValues>[2],
  a: { counted: { lines: number; blank: number }; sample: TextSample; preamble: number; headerLines: number; notes: number; setAside: number; comments: number; repaired: number; mended: boolean },
): Promise<LineAccount> {
  const rows = await countRows(engine, table);
  let blank = a.counted.blank - a.sample.blankInHead(a.preamble) - a.sample.blankInTail(a.notes);
  let rowLines = a.counted.lines - a.preamble - a.headerLines - a.notes - blank - a.setAside - a.comments;
  if (rowLines < rows || (a.mended && rowLines !== rows)) rowLines = rows + (await lineEndsInValues(engine, table, columns));
  else if (blank > 0 && rowLines > rows) {
    // A blank line inside a quoted value (a comment's paragraph break) is a line of its row, not one between rows.
    const inValues = Math.min(blank, rows + (await lineEndsInValues(engine, table, columns)) - rowLines);
    if (inValues > 0) {
      blank -= inValues;
      rowLines += inValues;
    }
  }
  return accountLines({ total: a.counted.lines, preamble: a.preamble, header: a.headerLines, notes: a.notes, blank, setAside: a.setAside, ...(a.comments ? { comments: a.comments } : {}), rows, repaired: a.repaired, rowLines });
}
