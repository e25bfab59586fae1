import { csvRow, PLAIN_CSV } from "./write";

/**
 * A Markdown table (GitHub's pipe tables, as chat assistants, wikis and READMEs write them) saved as a data file:
 * a pipe before and after every row, and a line of dashes under the header (`|---|:---:|`). Read as a CSV of its
 * cells, line for line: the line of dashes becomes a blank line, each row's cells are trimmed, and `\|` is a
 * pipe inside a cell. Other lines (a title above the table, text below it) are kept as one value each.
 */
const RULE = /^\|?\s*:?-+:?\s*(\|\s*:?-+:?\s*)+\|?$/;

const isRow = (line: string) => line.startsWith("|") && line.endsWith("|") && line.length > 1;

/** The first lines hold a Markdown table: a row of cells, then the line of dashes under it, then rows. */
export function isMarkdownTable(head: readonly string[]): boolean {
  const lines = head.map((l) => l.trim());
  const at = lines.findIndex((l, i) => isRow(l) && RULE.test(lines[i + 1] ?? ""));
  if (at < 0) return false;
  const below = lines.slice(at + 2).filter((l) => l !== "");
  return below.length > 0 && below.filter(isRow).length * 2 > below.length;
}

/** The cells of a row, without the pipes around it, trimmed; `\|` read as a pipe. */
export function markdownCells(line: string): string[] {
  return line
    .slice(1, -1)
    .split(/(?<!\\)\|/)
    .map((cell) => cell.trim().replaceAll("\\|", "|"));
}

/** A line of the text as a CSV line (with its line end). */
export function markdownLineAsCsv(line: string): string {
  const text = line.replace(/\r$/, "").trim();
  if (text === "" || RULE.test(text)) return "\r\n";
  return csvRow(isRow(text) ? markdownCells(text) : [text], PLAIN_CSV);
}

/** Said on the staged file. */
export const MARKDOWN_TABLE = "Read as a Markdown table: the cells between its pipes, the line of dashes under the header as a blank line.";
