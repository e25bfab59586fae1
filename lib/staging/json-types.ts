import { ident } from "@/lib/sql/quote";

/**
 * Types DuckDB-WASM's JSON reader cannot give, checked in one pass over the
 * loaded table. Dates are text in JSON: a text column whose every value
 * looked like an ISO date (or date and time) in JavaScript becomes DATE (or
 * TIMESTAMP) when DuckDB can read every one of them as such (2024-02-30
 * looks like a date but is not). Whole numbers are told in JavaScript
 * already (lib/staging/json-records.ts).
 */

/** A column to retype when the query `sql` (an aggregate over the table) is true. */
export interface TypeCheck {
  name: string;
  type: string;
  sql: string;
}

export function temporalChecks(columns: readonly { name: string; temporal?: "date" | "timestamp" }[]): TypeCheck[] {
  return columns.flatMap((c): TypeCheck[] => {
    if (!c.temporal) return [];
    const col = ident(c.name);
    const type = c.temporal === "date" ? "DATE" : "TIMESTAMP";
    return [{ name: c.name, type, sql: `coalesce(bool_and(${col} IS NULL OR TRY_CAST(${col} AS ${type}) IS NOT NULL), false)` }];
  });
}

export function checksSql(table: string, checks: readonly { sql: string }[]): string {
  return `SELECT ${checks.map((c, i) => `${c.sql} AS c${i}`).join(", ")} FROM ${ident(table)}`;
}
