import type { Column } from "@/lib/datasets/manifest";
import { PLAIN_NUMBER_SOURCE } from "@/lib/number";
import { ident, literal } from "@/lib/sql/quote";
import { isNumericType } from "@/lib/sql/types";
import type { CsvWriteOptions } from "./write";

/**
 * A table as CSV written by DuckDB's own CSV writer (`COPY … TO`, part of its
 * core): the header, then every value as DuckDB's text of it, comma separated,
 * CRLF line ends, a field quoted when it holds a comma, quote or line break,
 * quotes doubled; NULL is an empty field and an empty text is "" (so the two
 * stay apart). With formula protection, a text that starts with = + - @, a tab
 * or CR gets an apostrophe in front, unless it is a plain number (-12.5): the
 * same rule as lib/csv/write.ts, as SQL.
 */
const FORMULA_START = "^[=+\\-@\\t\\r]";

/**
 * Types whose text is a plain number or starts with none of those (true, 12:30:00, a UUID's hex digit): their
 * columns need no guard. Any other type's may (DOUBLE's -inf, DATE's -infinity, INTERVAL's -1 day, any text).
 * Testing the first character's code (`ascii`) instead of the expression was faster on the orders file and
 * three times slower on the 200-column one (native DuckDB, 1 thread: 6.0-6.2 s against 2.0-2.1 s).
 */
const needsNoGuard = (type: string) => (isNumericType(type) ? !/^(FLOAT|DOUBLE)$/i.test(type) : /^(BOOLEAN|UUID|TIME)$/i.test(type));

export function csvSelectList(columns: readonly Column[], options: CsvWriteOptions): string {
  if (columns.length === 0) return "NULL AS c0";
  return columns
    .map((c) => {
      const text = `CAST(${ident(c.name)} AS VARCHAR)`;
      const guarded =
        options.neutralizeFormulas && !needsNoGuard(c.type)
          ? `CASE WHEN regexp_matches(${text}, ${literal(FORMULA_START)}) AND NOT regexp_matches(${text}, ${literal(PLAIN_NUMBER_SOURCE)}) THEN '''' || ${text} ELSE ${text} END`
          : text;
      return `${guarded} AS ${ident(c.name)}`;
    })
    .join(", ");
}

export function csvCopySql(table: string, columns: readonly Column[], options: CsvWriteOptions, path: string): string {
  return `COPY (SELECT ${csvSelectList(columns, options)} FROM ${ident(table)}) TO ${literal(path)} (FORMAT csv, HEADER, NEW_LINE '\\r\\n')`;
}
