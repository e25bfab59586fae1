import { yearLastFitSql, yearLastFormats } from "@/lib/staging/dates";
import { ident } from "@/lib/sql/quote";
import type { CsvEngine } from "./engine";
import type { Column } from "./mend";

/**
 * With DuckDB's sniffer's date format a two-digit year first (%y.%m.%d, which reads 31.12.24 as 24 December
 * 2031), the format with the year last that every DATE column's text reads as a date too (day first, else month
 * first: lib/staging/dates.ts); the file is then read again with it. Null to keep the sniffer's.
 */
export async function yearLastFormat(engine: CsvEngine, table: string, columns: readonly Column[], sniffed: string | null | undefined): Promise<string | null> {
  const formats = yearLastFormats(sniffed);
  const dates = columns.filter((c) => c.type === "DATE");
  if (formats.length === 0 || dates.length === 0) return null;
  const [fit = {}] = await engine.rows(`SELECT ${dates.flatMap((c, i) => yearLastFitSql(c.name, `c${i}`)).join(", ")} FROM ${ident(table)}`);
  return formats.find((_, f) => dates.every((_, i) => fit[`c${i}_${f}`] === true)) ?? null;
}
