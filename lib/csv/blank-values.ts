import { looksTyped } from "./missing-values";
import { fieldRows, type Dialect } from "./records";

/**
 * Values of spaces alone (" ", a tab) where a number, a date or a boolean is
 * expected. DuckDB reads an empty value as null but " " as text, so one blank
 * cell made its sniffer read the whole column as text (and, further down the
 * file, failed its cast and made the column text there too). Such values are
 * read as empty instead, as R's readr reads them; DuckDB's `nullstr` matches
 * whole values, so each distinct one is listed.
 */
export const isBlankValue = (value: string): boolean => value !== "" && value.trim() === "";

/** From the first lines of the rows: the blank values of columns whose other values all look typed. */
export function blankValues(lines: readonly string[], dialect: Dialect): string[] {
  const rows = fieldRows(lines, dialect);
  const width = Math.max(0, ...rows.map((r) => r.length));
  const found = new Set<string>();
  for (let i = 0; i < width; i++) {
    const values = rows.map((r) => r[i] ?? "");
    const blanks = values.filter(isBlankValue);
    if (blanks.length === 0) continue;
    const rest = values.filter((v) => v.trim() !== "");
    if (rest.length > 0 && rest.every(looksTyped)) for (const b of blanks) found.add(b);
  }
  return [...found];
}

/** The values a user typed to read as empty, with the blank values a read found kept (not shown: spaces do not show). */
export function withBlanks(typed: readonly string[], before: readonly string[] | undefined): string[] | undefined {
  const all = [...typed, ...(before ?? []).filter(isBlankValue)];
  return all.length ? all : undefined;
}
