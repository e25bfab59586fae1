import { ident } from "@/lib/sql/quote";

/**
 * Types DuckDB-WASM's JSON reader cannot give, checked in one pass over the
 * loaded table. It reads every JSON number as DOUBLE (integer lists become
 * DOUBLE[]); JSON has one number type, so when every value of such a column
 * is a whole number within BIGINT's range, the column becomes BIGINT (or
 * BIGINT[]). Dates are text in JSON: see `temporalChecks`. These queries
 * check that, and build the retyping SELECT.
 */
const WHOLE = (v: string) => `(${v} = floor(${v}) AND abs(${v}) < 9.2e18)`;

/** A column to retype when the query `sql` (an aggregate over the table) is true. */
export interface TypeCheck {
  name: string;
  type: string;
  sql: string;
}

export function wholeNumberChecks(columns: readonly { name: string; type: string }[]): TypeCheck[] {
  return columns.flatMap((c): TypeCheck[] => {
    const col = ident(c.name);
    if (c.type === "DOUBLE") return [{ name: c.name, type: "BIGINT", sql: `coalesce(bool_and(${WHOLE(col)}), false)` }];
    if (c.type === "DOUBLE[]") {
      return [{ name: c.name, type: "BIGINT[]", sql: `coalesce(bool_and(coalesce(list_bool_and(list_transform(${col}, v -> ${WHOLE("v")})), true)), false)` }];
    }
    return [];
  });
}

export function checksSql(table: string, checks: readonly { sql: string }[]): string {
  return `SELECT ${checks.map((c, i) => `${c.sql} AS c${i}`).join(", ")} FROM ${ident(table)}`;
}

/**
 * Text columns whose every value looked like an ISO date (or date and time) in JavaScript become DATE
 * (or TIMESTAMP) when DuckDB can read every one of them as such (2024-02-30 looks like a date but is not).
 */
export function temporalChecks(columns: readonly { name: string; temporal?: "date" | "timestamp" }[]): TypeCheck[] {
  return columns.flatMap((c): TypeCheck[] => {
    if (!c.temporal) return [];
    const col = ident(c.name);
    const type = c.temporal === "date" ? "DATE" : "TIMESTAMP";
    return [{ name: c.name, type, sql: `coalesce(bool_and(${col} IS NULL OR TRY_CAST(${col} AS ${type}) IS NOT NULL), false)` }];
  });
}
