import { isSummaryRow } from "./layout";
import { splitFields, type Dialect } from "./records";

/**
 * Subtotal rows among a report's rows: QuickBooks' "Total Income", SAP's "Summe", a pivot table's "North
 * Total". Read as rows, a sum over the column counts their rows twice. A line is one when it splits into
 * the table's width, leaves a value empty (the labels of the rows it sums), has balanced quotes (it is not
 * the middle of a value that spans lines), and its first value names a total: as a summary row below a
 * table does (Total …, Subtotal, Sum), or as a pivot table does, the group's name and "Total" (North Total
 * after rows of North).
 */
export const SUBTOTAL = "a subtotal, not a row of data (summed with the rows, it would count them twice)";

/** A test of the lines of a table, in their order (it remembers the group the rows above were in). */
export function subtotalTest(dialect: Dialect, width: number): (line: string) => boolean {
  let group = "";
  return (line) => {
    if (width < 2 || line.split(dialect.quote).length % 2 === 0) return false;
    const fields = splitFields(line, dialect).fields;
    const first = fields.find((f) => f.trim() !== "")?.trim();
    if (first === undefined || fields.length !== width) return false;
    const total = fields.some((f) => f.trim() === "") && (isSummaryRow(fields) || (group !== "" && first.toLowerCase() === `${group} total`.toLowerCase()));
    if (!total && fields[0]!.trim() !== "") group = fields[0]!.trim();
    return total;
  };
}
