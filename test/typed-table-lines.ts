import { csvRow, PLAIN_CSV } from "@/lib/csv/write";
import { typedCellText } from "@/lib/typed-table/head";
import type { TypedTable } from "@/lib/typed-table/table";

/**
 * A dataset's names and rows as lines of CSV text (and an empty last line), for the readers' unit tests to compare
 * with what other tools read: dates as `2017-11-24`, timestamps as `2018-03-17 14:20:33`, missing values empty.
 */
export function typedTableLines(dataset: TypedTable): string[] {
  const { columns } = dataset;
  const line = (values: (string | null)[]) => csvRow(values, PLAIN_CSV).replace(/\r\n$/, "");
  const lines = [line(columns.map((c) => c.name))];
  for (const row of dataset.rows) lines.push(line(columns.map((c, i) => typedCellText(row[i] ?? null, c.type))));
  return [...lines, ""];
}

