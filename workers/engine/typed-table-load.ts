import { typedTableStreams } from "@/lib/typed-table/arrow";
import type { TypedTable, ColumnType } from "@/lib/typed-table/table";
import { ident } from "@/lib/sql/quote";
import { castSelect } from "@/lib/staging/parse-options";
import type { TypeCheck } from "@/lib/staging/json-types";
import { checkedTypes, columnNames, throughTemporary, type ArrowEngine } from "./arrow-append";
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
  const made = await throughTemporary(engine, loaded, typedTableStreams(typed), async () => {
    const names = await columnNames(engine, loaded);
    const checks = names.flatMap((name, i) => (name in forced ? [] : typeChecks(name, typed.columns[i]?.type ?? "text")));
    const cast = castSelect(loaded, names, { ...(await checkedTypes(engine, loaded, checks)), ...forced });
    await writingAs(engine, storage, () => engine.rows(`CREATE OR REPLACE TABLE ${ident(table)} AS ${cast}`));
    return true;
  });
  return made ?? false;
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
