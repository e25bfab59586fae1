import { ident } from "@/lib/sql/quote";

/**
 * Types DuckDB-WASM's JSON reader cannot give, checked in one pass over the
 * loaded table. Dates are text in JSON: a text column whose every value
 * looked like an ISO date (or date and time) in JavaScript becomes DATE (or
 * TIMESTAMP) when DuckDB can read every one of them as such (2024-02-30
 * looks like a date but is not). Whole numbers are told in JavaScript
 * already (lib/staging/json-records.ts), but those too long for a double
 * are loaded as their digits: BIGINT where every value fits, else HUGEINT,
 * else they stay text; with fractions among them, DOUBLE. A column may have
 * several checks: the first that is true gives its type.
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
    return [fits(c.name, c.temporal === "date" ? "DATE" : "TIMESTAMP")];
  });
}

export function longChecks(columns: readonly { name: string; fraction: boolean }[]): TypeCheck[] {
  return columns.flatMap((c) => (c.fraction ? ["DOUBLE"] : ["BIGINT", "HUGEINT"]).map((type) => fits(c.name, type)));
}

/** The types the checks found true, the first one for each column. */
export function foundTypes(checks: readonly TypeCheck[], fits: Record<string, unknown>): Record<string, string> {
  const types: Record<string, string> = {};
  checks.forEach((c, i) => {
    if (fits[`c${i}`] === true && !(c.name in types)) types[c.name] = c.type;
  });
  return types;
}

function fits(name: string, type: string): TypeCheck {
  const col = ident(name);
  return { name, type, sql: `coalesce(bool_and(${col} IS NULL OR TRY_CAST(${col} AS ${type}) IS NOT NULL), false)` };
}

export function checksSql(table: string, checks: readonly { sql: string }[]): string {
  return `SELECT ${checks.map((c, i) => `${c.sql} AS c${i}`).join(", ")} FROM ${ident(table)}`;
}
