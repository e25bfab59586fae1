import { fixedWidthConverter, fixedWidthStarts } from "@/lib/csv/fixed-width";
import { isMarkdownTable, markdownLineAsCsv } from "@/lib/csv/markdown-table";
import { wrappedLineAsCsv, wrappedLinesIn } from "@/lib/csv/wrapped-lines";
import type { ParseOptions } from "@/lib/staging/parse-options";
import type { FoundLayout } from "./first-read";

/**
 * Text of another shape (lines wrapped in quotes, fixed-width columns, a Markdown table) as CSV text, line for line (a blank line stays
 * blank, so every line keeps its number), read a piece at a time: the CSV reader then reads it as it reads any
 * file. `convert` takes a line without its line end and gives its CSV line, with one.
 */
export async function linesAsCsv(text: Blob, convert: (line: string) => string): Promise<Blob> {
  const parts: string[] = [];
  let rest = "";
  const emit = (line: string) => parts.push(convert(line));
  const reader = text.stream().pipeThrough(new TextDecoderStream()).getReader();
  for (let next = await reader.read(); !next.done; next = await reader.read()) {
    const lines = (rest + next.value).split("\n");
    rest = lines.pop()!;
    lines.forEach(emit);
  }
  if (rest !== "") emit(rest);
  return new Blob(parts);
}

/**
 * How a text is read as CSV lines: the options it is read with, and for a text of another shape a converter
 * for each pass over its lines.
 */
export interface CsvLines {
  converter?: () => (line: string) => string;
  options: ParseOptions;
}

const CSV_DIALECT = { delimiter: ",", quote: '"', escape: '"' };

/**
 * Text read as the CSV text of its lines, found from its layout's first lines or set in its options:
 * lines each wrapped in quotes in a text of one column (lib/csv/wrapped-lines.ts; the text inside is read as
 * CSV, its dialect found anew), fixed-width columns in a text of one column (lib/csv/fixed-width.ts), or a
 * Markdown table (lib/csv/markdown-table.ts). No converter for delimited text, or where the options turn them
 * off; lines wrapped in quotes read whole are said in the options (`wrappedLines: false`), so the choice shows.
 */
export function csvLinesOf({ sample, layout }: FoundLayout, options: ParseOptions): CsvLines {
  const oneColumn = layout.width < 2 && options.delimiter === undefined;
  const wrapped = options.wrappedLines ?? (oneColumn ? wrappedLinesIn(sample.head) : undefined);
  if (wrapped) return { converter: () => wrappedLineAsCsv, options: { ...options, wrappedLines: true } };
  if (wrapped === false) return { options: { ...options, wrappedLines: false } };
  const starts = options.fixedWidth ?? (oneColumn ? fixedWidthStarts(sample.head) : null);
  if (starts?.length) return { converter: () => fixedWidthConverter(starts), options: { ...options, fixedWidth: starts, ...CSV_DIALECT } };
  if (options.markdownTable ?? (options.delimiter === undefined && isMarkdownTable(sample.head))) {
    return { converter: () => markdownLineAsCsv, options: { ...options, markdownTable: true, ...CSV_DIALECT } };
  }
  return { options };
}
