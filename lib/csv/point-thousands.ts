import { fieldRows, type Dialect } from "./records";

/**
 * Whole numbers grouped by points (1.000, 2.500, 12.000), as German and most of Europe write them in files
 * delimited by semicolons: DuckDB's sniffer reads them as decimals (1.0, 2.5, 12.0), a thousandfold off and
 * without a word. From the file's first lines, the DOUBLE columns whose values are all such groups or plain
 * whole numbers, one of them grouped: the file is then read with its decimal comma (number-format.ts), as
 * its delimiter says, and the read says what it read them as.
 */
const GROUPED = /^[+-]?[1-9]\d{0,2}(\.\d{3})+$/;
const WHOLE = /^[+-]?\d+$/;

export function pointThousandsColumns(lines: readonly string[], dialect: Dialect, columns: readonly { name: string; type: string }[]): string[] {
  const doubles = columns.flatMap((c, i) => (c.type === "DOUBLE" ? [i] : []));
  if (doubles.length === 0 || dialect.delimiter !== ";") return [];
  const rows = fieldRows(lines, dialect);
  return doubles
    .filter((i) => {
      const values = rows.map((r) => (r[i] ?? "").trim()).filter((v) => v !== "");
      return values.some((v) => GROUPED.test(v)) && values.every((v) => GROUPED.test(v) || WHOLE.test(v));
    })
    .map((i) => columns[i]!.name);
}
