import { linesWhere } from "@/lib/csv/blob-lines";
import type { LineNote } from "@/lib/csv/findings";
import { isSummaryRow } from "@/lib/csv/layout";
import { quotesOpen, splitFields, type Dialect } from "@/lib/csv/records";
import { HEADING, headingTest } from "@/lib/csv/headings";
import type { ColumnShapes } from "@/lib/csv/shapes";
import { sectionName, sectionTotalled, SUBTOTAL, subtotalTest } from "@/lib/csv/subtotals";
import type { Splice } from "./splice";

/**
 * The subtotal rows and headings among a table's rows (lib/csv/subtotals.ts, lib/csv/headings.ts), set aside
 * before DuckDB reads them as rows: each a line of the file (the body's first line is the file's line
 * `linesBefore + 1`) and the edit that blanks it in the body. Looked for in the whole body only when the
 * file's first lines hold one, so other files pay nothing; a line the user edited (rejoined) stays, and so
 * do the body's first `headerInBody` lines, the header when DuckDB reads it from the body. In a
 * table two wide, a line of a name alone is a heading only when a total of its section follows ("Income,"
 * then "Total Income"): otherwise it is a row whose value is missing.
 */
export async function subtotalAndHeadingLines(body: Blob, head: readonly string[], table: { dialect: Dialect; width: number; shapes: readonly ColumnShapes[]; headerInBody: number }, linesBefore: number, edited: readonly { line: number }[]): Promise<{ note: LineNote; blank: Splice }[]> {
  const { dialect, width, shapes } = table;
  const isHeading = headingTest(dialect, width, shapes);
  if (!head.some(subtotalTest(dialect, width)) && !head.some(isHeading)) return [];
  const isSubtotal = subtotalTest(dialect, width);
  let lastRow = -1;
  const section = (text: string) => (width === 2 && !quotesOpen(text, dialect) ? sectionName(splitFields(text, dialect).fields) : null);
  const totalled = new Set<string>();
  const lines = await linesWhere(body, (text, line) => {
    // The header, where the body starts with it, is no subtotal, though it may name a column "Total".
    if (line < table.headerInBody) return false;
    const subtotal = isSubtotal(text);
    const named = subtotal ? sectionTotalled(splitFields(text, dialect).fields.find((f) => f.trim() !== "") ?? "") : null;
    if (named) totalled.add(named);
    const found = subtotal || isHeading(text);
    // A line of a name alone counts as a row here: it is a heading only if its section's total comes.
    if (!found && text.trim() !== "") lastRow = line;
    return found || section(text) !== null;
  });
  // A Total below the last row is a summary row, which the layout leaves out below the table: one still in the body was read as a row by choice.
  return lines
    .filter((l) => !(l.line > lastRow && isSummaryRow(splitFields(l.text, dialect).fields)))
    .map((l) => ({ ...l, line: linesBefore + l.line + 1, name: section(l.text) }))
    .filter((l) => (l.name === null || totalled.has(l.name)) && !edited.some((e) => e.line === l.line))
    .map(({ line, start, end, text, name }) => ({
      note: { line, status: "set aside", reason: name !== null || isHeading(text) ? HEADING : SUBTOTAL, text },
      blank: { start, end, text: "" },
    }));
}
