import { literal } from "@/lib/sql/quote";

/**
 * A type rule's or a cast step's date format (strptime's): one, or several tried in turn, for a column of
 * dates written more than one way (2024-01-05 and 21/8/2024). DuckDB's strptime takes a list as it takes one.
 */
export type DateFormat = string | string[];

export const formatList = (format: DateFormat): string[] => (typeof format === "string" ? [format] : [...format]);

/** The format as a strptime argument: a string, or a list. */
export const formatSql = (format: DateFormat): string => (typeof format === "string" ? literal(format) : `[${format.map(literal).join(", ")}]`);

/** For people: "%d.%m.%Y", or "%Y-%m-%d or %d/%m/%Y". */
export const describeFormat = (format: DateFormat): string => formatList(format).join(" or ");

/** How a form writes several formats: separated by a bar (a format has no bar of its own). */
const BAR = "|";

export const formatText = (format: DateFormat): string => formatList(format).join(` ${BAR} `);

/** A form's text as a format: one, or several separated by bars. */
export function parseFormatText(text: string): DateFormat {
  const parts = text.split(BAR).map((part) => part.trim()).filter(Boolean);
  return parts.length === 1 ? parts[0]! : parts;
}
