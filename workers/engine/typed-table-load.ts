import { typedTableStreams } from "@/lib/typed-table/arrow";
import type { TypedTable, ColumnType } from "@/lib/typed-table/table";
import { ident } from "@/lib/sql/quote";
import { castSelect } from "@/lib/staging/parse-options";
import { checksSql, foundTypes, type TypeCheck } from "@/lib/staging/json-types";
import { appendToTemporary, type ArrowEngine } from "./arrow-append";
import { writingAs, type Storage } from "./csv/storage";

/**
 * A statistical dataset (SAS, Stata, SPSS: lib/typed-table/table.ts) into `table`, typed as the file says: its rows
 * loaded as Arrow into a temporary table, then cast into the table, where the values decide what the file could
 * not: numbers that are all whole become BIGINT (SAS and SPSS keep every number as a double), labelled codes whose
 * values have no label are numbers again, and times become TIME unless one is a duration past 24 hours. The types
 * the user forced are applied last. The table is stored as `storage` says (csv/storage.ts: a CSV's size, not
 * compressed from 16 to 256 MB). False when it holds no rows (then no table is made).
 */
export async function loadTypedTable(engine: ArrowEngine, typed: TypedTable, table: string, forced: Record<string, string>, storage: Storage = "compressed"): Promise<boolean> {
  const loaded = `${table}_typed`;
  try {
    if ((await appendToTemporary(engine, loaded, typedTableStreams(typed))) === 0) return false;
    // DuckDB names the columns as given, in that order (making names that differ only in case unique).
    const names = (await engine.rows(`DESCRIBE ${ident(loaded)}`)).map((r) => String(r.column_name));
    const checks = names.flatMap((name, i) => (name in forced ? [] : typeChecks(name, typed.columns[i]?.type ?? "text")));
    const [fits = {}] = checks.length ? await engine.rows(checksSql(loaded, checks)) : [];
    const cast = castSelect(loaded, names, { ...foundTypes(checks, fits), ...forced });
    await writingAs(engine, storage, () => engine.rows(`CREATE OR REPLACE TABLE ${ident(table)} AS ${cast}`));
    return true;
  } finally {
    // The rows in memory go, read or not (a type the user forced that does not fit fails the cast).
    await engine.rows(`DROP TABLE IF EXISTS ${ident(loaded)}`);
  }
}

/** What a column of the type may become, the first check that is true deciding. */
function typeChecks(name: string, type: ColumnType): TypeCheck[] {
  const col = ident(name);
  const every = (test: string) => `coalesce(bool_and(${col} IS NULL OR (${test})), false)`;
  if (type === "number") return [{ name, type: "BIGINT", sql: every(`${col} = trunc(${col}) AND abs(${col}) <= 9007199254740991`) }];
  if (type === "labelled") {
    return [
      { name, type: "BIGINT", sql: every(`regexp_full_match(${col}, '-?[0-9]{1,15}')`) },
      { name, type: "DOUBLE", sql: every(`TRY_CAST(${col} AS DOUBLE) IS NOT NULL`) },
    ];
  }
  if (type === "time") return [{ name, type: "TIME", sql: every(`regexp_full_match(${col}, '([01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9]')`) }];
  return [];
}
