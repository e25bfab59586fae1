import { arrowIpcStreams } from "@/lib/arrow-ipc/streams";
import type { HeadPreview } from "@/lib/engine/api";
import { unreadableReason } from "@/lib/format-error";
import { fail, type Result } from "@/lib/result";
import { ident } from "@/lib/sql/quote";
import type { ParseOptions } from "@/lib/staging/parse-options";
import { uuidFromBytes } from "@/lib/staging/parquet-footer";
import { withArrowHead } from "./arrow-head";
import { stageArrowStreams } from "./arrow-table";
import { parquetIpcBatches, parquetUuidColumns } from "./parquet";
import { runLong } from "./query";
import type { ReadInfo } from "./read-info";

/**
 * Parquet and Arrow files, read as Arrow IPC streams into the staged table (arrow-table.ts); their first batch's
 * rows go to `onHead` before DuckDB is asked for anything.
 */
export async function readParquet(fileName: string, blob: Blob, options: ParseOptions, table: string, onHead?: (head: HeadPreview) => void): Promise<Result<ReadInfo>> {
  return stageArrowStreams(fileName, "Parquet", await withArrowHead(parquetIpcBatches(blob), onHead), options, table, async (conn, loaded, described) => {
    // parquet-wasm drops an INTERVAL's months and DuckDB-WASM takes its days and milliseconds for one number.
    const intervals = described.filter((r) => String(r.column_type) === "INTERVAL").map((r) => `“${String(r.column_name)}”`);
    if (intervals.length) {
      return `${intervals.join(", ")} ${intervals.length === 1 ? "holds" : "hold"} Parquet INTERVAL values, which the browser's Parquet reader cannot read exactly (their months and days would be lost). Write ${intervals.length === 1 ? "it" : "them"} as text or as a number of seconds, and stage the file again.`;
    }
    const uuids = await parquetUuidColumns(blob);
    for (const name of described.filter((r) => r.column_type === "BLOB" && uuids.includes(String(r.column_name))).map((r) => String(r.column_name))) {
      await runLong(conn, `ALTER TABLE ${ident(loaded)} ALTER ${ident(name)} TYPE UUID USING ${uuidFromBytes(ident(name))}`);
    }
    return null;
  });
}

/**
 * An Arrow IPC file or stream (Feather), its compressed buffers decompressed in JavaScript (lib/arrow-ipc/). What
 * goes wrong reading the file is said as the file's fault; what DuckDB refuses of it (a type), as DuckDB's.
 */
export async function readArrow(fileName: string, blob: Blob, options: ParseOptions, table: string, onHead?: (head: HeadPreview) => void): Promise<Result<ReadInfo>> {
  const bytes = new Uint8Array(await blob.arrayBuffer());
  const fault: { error?: unknown } = {};
  function* streams() {
    try {
      yield* arrowIpcStreams(bytes);
    } catch (error) {
      fault.error = error;
      throw error;
    }
  }
  try {
    return await stageArrowStreams(fileName, "Arrow", await withArrowHead(streams(), onHead), options, table);
  } catch (error) {
    if (!("error" in fault) || fault.error !== error) throw error;
    return fail({ file: fileName, message: `This Arrow file cannot be read: ${unreadableReason(error)}. Write it as Parquet, and stage that.` });
  }
}
