import { fixedWidthConverter, fixedWidthStarts } from "@/lib/csv/fixed-width";
import { isMarkdownTable, markdownLineAsCsv } from "@/lib/csv/markdown-table";
import { isWrappedLines, wrappedLineAsCsv } from "@/lib/csv/wrapped-lines";
import type { ParseOptions } from "@/lib/staging/parse-options";
import type { FoundLayout } from "./read";

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

/** How a text of another shape is read as CSV lines: a converter for each pass over its lines, and the options the CSV text is read with. */
export interface CsvLines {
  converter: () => (line: string) => string;
  options: ParseOptions;
}

const CSV_DIALECT = { delimiter: ",", quote: '"', escape: '"' };

/**
 * Text read as the CSV text of its lines, found from its layout's first lines or set in its options:
 * lines each wrapped in quotes in a text of one column (lib/csv/wrapped-lines.ts; the text inside is read as
 * CSV, its dialect found anew), fixed-width columns in a text of one column (lib/csv/fixed-width.ts), or a
 * Markdown table (lib/csv/markdown-table.ts). Null for delimited text, or where the options turn them off.
 */
export function csvLinesOf({ sample, layout }: FoundLayout, options: ParseOptions): CsvLines | null {
  if (options.wrappedLines ?? (layout.width < 2 && options.delimiter === undefined && isWrappedLines(sample.head))) {
    return { converter: () => wrappedLineAsCsv, options: { ...options, wrappedLines: true } };
  }
  const starts = options.fixedWidth ?? (layout.width < 2 && options.delimiter === undefined ? fixedWidthStarts(sample.head) : null);
  if (starts?.length) return { converter: () => fixedWidthConverter(starts), options: { ...options, fixedWidth: starts, ...CSV_DIALECT } };
  if (options.markdownTable ?? (options.delimiter === undefined && isMarkdownTable(sample.head))) {
    return { converter: () => markdownLineAsCsv, options: { ...options, markdownTable: true, ...CSV_DIALECT } };
  }
  return null;
}
