import { quotesOpen, splitFields, type Dialect } from "./records";
import { fits, type ColumnShapes } from "./shapes";

/**
 * A heading among a table's rows: a line whose one value, a word or more, is in the first column, which does
 * not take it (a report's title again on each page, "Page 2 of 5", a group's name over its rows of ids). It is
 * no row of the table: read as one, it made its column text; and no column learns its shapes from it.
 */
export const HEADING = "a heading among the rows (a page's or a group's title), not a row of data";

/** A line of three values or more whose only value is its first. */
export const leadsAlone = (fields: readonly string[]): boolean => fields.length >= 3 && fields[0]!.trim() !== "" && fields.slice(1).every((f) => f.trim() === "");

/** A test of a table's lines for headings, by the first column's shapes (learned without them). */
export function headingTest(dialect: Dialect, width: number, shapes: readonly ColumnShapes[]): (line: string) => boolean {
  return (line) => {
    if (!shapes[0] || quotesOpen(line, dialect)) return false;
    const fields = splitFields(line, dialect).fields;
    return fields.length === width && leadsAlone(fields) && /\p{L}/u.test(fields[0]!) && !fits(shapes[0], fields[0]!);
  };
}
