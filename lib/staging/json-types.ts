import { ident } from "@/lib/sql/quote";

/**
 * DuckDB-WASM's JSON reader reads every JSON number as DOUBLE (integer lists
 * become DOUBLE[]). JSON has one number type, so when every value of such a
 * column is a whole number within BIGINT's range, the column becomes BIGINT
 * (or BIGINT[]): these queries check that, and build the retyping SELECT.
 */
const WHOLE = (v: string) => `(${v} = floor(${v}) AND abs(${v}) < 9.2e18)`;

export interface WholeNumberCheck {
  name: string;
  type: "BIGINT" | "BIGINT[]";
  sql: string;
}

export function wholeNumberChecks(columns: readonly { name: string; type: string }[]): WholeNumberCheck[] {
  return columns.flatMap((c): WholeNumberCheck[] => {
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
