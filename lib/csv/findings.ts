import type { DateFormat } from "@/lib/recipe/date-format";
import { plural } from "@/lib/format";
import { splitLines } from "./lines";

/**
 * What reading a messy CSV file reports beside its rows: lines set aside or
 * repaired (with the line number in the file, what was done or why not, and
 * the raw text), and values that did not fit the type DuckDB guessed from a
 * sample, whose column was therefore read as text.
 */
export interface LineNote {
  line: number;
  status: "set aside" | "repaired";
  reason: string;
  text: string;
}

export interface TypeFinding {
  column: string;
  type: string;
  values: { line: number; value: string }[];
  /** The file's numbers were read with a decimal comma (12,50), so a rule that finds the values must take it. */
  decimalChar?: ",";
  /**
   * The dates are written in this format (strftime: %d/%m/%Y), so a rule that finds the values must read them so; or
   * in several (the first the most's), and `values` are those not written the first way.
   */
  format?: DateFormat;
  /** Of dates written several ways, the values each way reads (and no way before it). */
  wayCounts?: number[];
  /** Numbers written for people, as this example (1,234.56; with a currency, in parentheses): no type rule reads them, so none is offered. */
  written?: string;
  /** Dates as Excel's serial day numbers (lib/csv/serial-dates.ts): the column's first, and its date. */
  serial?: { first: number; day: string };
}

/** The lines of the file a note stands for: a value over two lines makes a row of more than one. */
export const noteLines = (note: LineNote): number => splitLines(note.text).length;

/** The lines set aside, counted as the file has them. */
export const linesSetAside = (notes: readonly LineNote[]): number => notes.reduce((sum, n) => sum + (n.status === "set aside" ? noteLines(n) : 0), 0);

/** The findings counted as a summary says them: "2 columns read as text, 1 column of Excel’s serial dates" (empty when none). */
export function describeFindingCounts(findings: readonly TypeFinding[]): string[] {
  const serial = findings.filter((f) => f.serial).length;
  const asText = findings.length - serial;
  return [...(asText ? [`${plural(asText, "column")} read as text`] : []), ...(serial ? [`${plural(serial, "column")} of Excel’s serial dates`] : [])];
}
