import { isSummaryRow } from "./layout";
import { quotesOpen, splitFields, type Dialect } from "./records";

/**
 * Subtotal rows among a report's rows: QuickBooks' "Total Income", SAP's "Summe", a pivot table's "North
 * Total". Read as rows, a sum over the column counts their rows twice. A line is one when it splits into
 * the table's width, has balanced quotes (it is not the middle of a value that spans lines), and either
 * leaves a value empty (the labels of the rows it sums) while its first value names a total, as a summary
 * row below a table does (Total …, Subtotal, Sum) or as a pivot table does, the group's name and "Total"
 * (North Total after rows of North); or totals a section named by a line of its own above it ("Total
 * Income" under "Income", as QuickBooks writes its reports), every value given.
 */
export const SUBTOTAL = "a subtotal, not a row of data (summed with the rows, it would count them twice)";

const empty = (f: string) => f.trim() === "";

/** The name of a section a line opens: its first value alone ("Income,"), in lower case; null for any other line. */
export const sectionName = (fields: readonly string[]): string | null =>
  fields.length >= 2 && !empty(fields[0]!) && fields.slice(1).every(empty) ? fields[0]!.trim().toLowerCase() : null;

/** The section a first value totals ("Total Income": "income"), or null. */
export const sectionTotalled = (first: string): string | null => /^total\s+(.+)$/i.exec(first.trim())?.[1]!.toLowerCase() ?? null;

/** A test of the lines of a table, in their order (it remembers the group the rows above were in, and the sections opened). */
export function subtotalTest(dialect: Dialect, width: number): (line: string) => boolean {
  let group = "";
  const sections = new Set<string>();
  return (line) => {
    if (width < 2 || quotesOpen(line, dialect)) return false;
    const fields = splitFields(line, dialect).fields;
    const first = fields.find((f) => !empty(f))?.trim();
    if (first === undefined || fields.length !== width) return false;
    const section = sectionName(fields);
    if (section) sections.add(section);
    const totalled = sectionTotalled(first);
    const total =
      (totalled !== null && sections.has(totalled)) ||
      (fields.some(empty) && (isSummaryRow(fields) || (group !== "" && first.toLowerCase() === `${group} total`.toLowerCase())));
    if (!total && !empty(fields[0]!)) group = fields[0]!.trim();
    return total;
  };
}
