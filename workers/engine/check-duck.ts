import { newDuckDb } from "./duckdb-worker";
import { plainRows } from "./arrow-text";
import { serial } from "./serial";
import { CHECK_DB_SETUP, type CheckDb } from "./sql-check";

/**
 * The check database (sql-check.ts): a second DuckDB-WASM instance, in memory,
 * with external access switched off at start (it cannot be switched back on),
 * no extensions and no data. It starts on first use; checks take turns.
 */
let starting: Promise<CheckDb> | null = null;

export function checkDb(): Promise<CheckDb> {
  starting ??= start().catch((error: unknown) => {
    starting = null;
    throw error;
  });
  return starting;
}

/** One check at a time: a check creates and drops its tables in the one database. */
export const inCheckDb = <T>(work: (db: CheckDb) => Promise<T>): Promise<T> => serial(CHECK, async () => work(await checkDb()));
const CHECK = "check-db";

async function start(): Promise<CheckDb> {
  const db = await newDuckDb();
  await db.open({ query: { castBigIntToDouble: false } });
  const conn = await db.connect();
  for (const statement of CHECK_DB_SETUP) await conn.query(statement);
  return {
    async run(sql) {
      const prepared = await conn.prepare(sql);
      try {
        return plainRows(await prepared.query());
      } finally {
        // Messages to DuckDB's worker are handled in order: the next statement need not wait for this.
        void prepared.close().catch(() => null);
      }
    },
    exec: async (sql) => void (await conn.query(sql)),
    tableNames: (sql) => conn.getTableNames(sql),
  };
}
