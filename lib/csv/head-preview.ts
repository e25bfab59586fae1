import type { Layout } from "./layout";
import { columnNames } from "./read-sql";
import { records } from "./records";

/**
 * The first rows of a CSV file, as written (all text, an empty field shown
 * as empty), cut by the same layout the full read uses: its dialect, the
 * lines above the table, the header. Shown the moment a file is dropped,
 * without a query: DuckDB is about to read the whole file, and a query of
 * the head before it held that read up. The full read's own layout cuts them,
 * as it is found: a second layout of the same lines took as long again.
 */
export interface HeadRows {
  columns: string[];
  /** Column-major, like a page of rows. */
  columnValues: (string | null)[][];
}

/** `lines`: the file's first lines (a sample, without a byte order mark); `layout`: the one found from them. */
export function headRows(lines: readonly string[], layout: Layout, count = 20): HeadRows | null {
  if (lines.every((l) => l.trim() === "")) return null;
  const start = layout.preamble + (layout.header ? layout.headerLines : 0);
  const width = Math.max(1, layout.trailingDelimiter ? layout.width - 1 : layout.width);
  const isRow = (line: string) => line.trim() !== "" && !(layout.comment && line.startsWith(layout.comment));
  const rows = records(lines.slice(start), layout.dialect)
    .filter((r) => isRow(lines[start + r.first]!))
    .slice(0, count)
    .map((r) => r.fields.map((f) => (layout.trimSpaces ? f.trim() : f)));
  const names = layout.header ? layout.names : [];
  const columns = columnNames(Array.from({ length: width }, (_, i) => names[i] ?? ""));
  return { columns, columnValues: columns.map((_, c) => rows.map((fields) => (fields[c] ? fields[c] : null))) };
}
