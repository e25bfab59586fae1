import { fail, ok, type Result } from "@/lib/result";
import { ident } from "@/lib/sql/quote";
import { markedNameRenames, markedNamesSql, namesWithMarks } from "@/lib/staging/name-marks";
import { castSelect, type ParseOptions } from "@/lib/staging/parse-options";
import { throughTemporary } from "./arrow-append";
import { arrowEngine } from "./arrow-engine";
import { plainRows } from "./arrow-text";
import { withConnection, type Connection } from "./duckdb";
import { spreadStructs } from "./parquet-structs";
import { runLong } from "./query";
import type { ReadInfo } from "./read-info";

/** What a format's reader fixes in the loaded table before it is cast (its DESCRIBE rows given); a message when it cannot be read. */
export type FixLoaded = (conn: Connection, loaded: string, described: Record<string, unknown>[]) => Promise<string | null>;

/**
 * Arrow IPC streams (a Parquet file's batches, an Arrow file's) into the staged table: appended to a temporary
 * table in memory, names with marks renamed, nested objects spread (unless the read options keep them), then
 * cast into the table as the read options say; the rows in memory go, read or not. `kind` names the file in
 * "The … file holds no rows."
 */
export function stageArrowStreams(fileName: string, kind: string, streams: AsyncIterable<Uint8Array> | Iterable<Uint8Array>, options: ParseOptions, table: string, fix?: FixLoaded): Promise<Result<ReadInfo>> {
  const loaded = `${table}_arrow`;
  return withConnection(async (conn) => {
    const staged = await throughTemporary(arrowEngine(conn), loaded, streams, async (): Promise<Result<ReadInfo>> => {
      const marked = markedNameRenames(namesWithMarks(plainRows(await conn.query(markedNamesSql(ident(loaded))))));
      for (const [from, to] of Object.entries(marked)) await conn.query(`ALTER TABLE ${ident(loaded)} RENAME COLUMN ${ident(from)} TO ${ident(to)}`);
      const described = plainRows(await conn.query(`DESCRIBE ${ident(loaded)}`));
      const unreadable = fix ? await fix(conn, loaded, described) : null;
      if (unreadable) return fail({ file: fileName, message: unreadable });
      const columns = described.map((r) => String(r.column_name));
      const { spread, columns: spreadTo } = options.nestedObjects === "keep" ? { spread: [], columns } : await spreadStructs(conn, loaded);
      await runLong(conn, `CREATE OR REPLACE TABLE ${ident(table)} AS ${castSelect(loaded, spreadTo, options.types)}`);
      return ok({ badLines: 0, ...(spread.length ? { jsonSpread: spread } : {}) });
    });
    return staged ?? fail({ file: fileName, message: `The ${kind} file holds no rows.` });
  });
}
