import init, {
  Compression,
  EnabledStatistics,
  ParquetFile,
  Table as WasmTable,
  WriterPropertiesBuilder,
  transformParquetStream,
  writeParquet,
  type RecordBatch as WasmBatch,
} from "parquet-wasm/esm";
import { concatBytes } from "@/lib/bytes";
import { footerLength, uuidColumns } from "@/lib/staging/parquet-footer";

/**
 * Parquet in the browser without DuckDB's (downloaded) parquet extension:
 * parquet-wasm reads and writes it, and Arrow IPC streams carry the batches
 * to and from DuckDB.
 */
let ready: Promise<unknown> | null = null;

function parquet(): Promise<unknown> {
  ready ??= init({ module_or_path: new URL("parquet-wasm/esm/parquet_wasm_bg.wasm", import.meta.url) });
  return ready;
}

/** DuckDB sends a batch of up to 2,048 rows per message: they cross into parquet-wasm this many at once (one IPC decode). */
const MESSAGES_PER_HANDOVER = 32;

/**
 * Zstd, without dictionary pages and with statistics per column chunk only:
 * on the benchmark's file a fifth faster to write than parquet-wasm's
 * defaults, and smaller (docs/BENCHMARKS-2GB.md).
 */
const writerProperties = () =>
  new WriterPropertiesBuilder().setCompression(Compression.ZSTD).setDictionaryEnabled(false).setStatisticsEnabled(EnabledStatistics.Chunk).build();

/**
 * Arrow IPC messages in (a schema, then batches: query.ts `streamIpc`),
 * Parquet (zstd) bytes out, a group of batches at a time; `onRows` is told
 * each group's rows as it goes in. The messages are never decoded in
 * JavaScript: parquet-wasm reads a group as one IPC stream.
 */
export async function parquetStream(ipc: AsyncIterable<Uint8Array>, onRows: (rows: number) => void): Promise<ReadableStream<Uint8Array<ArrayBuffer>>> {
  await parquet();
  const iterator = ipc[Symbol.asyncIterator]();
  const schema = await iterator.next();
  if (schema.done) throw new Error("DuckDB returned no schema to write.");
  let ended = false;
  const group = async (): Promise<WasmTable | null> => {
    const messages = [schema.value];
    while (!ended && messages.length <= MESSAGES_PER_HANDOVER) {
      const next = await iterator.next();
      if (next.done || next.value.byteLength === 0) ended = true;
      else messages.push(next.value);
    }
    if (messages.length === 1) return null;
    const table = WasmTable.fromIPCStream(concatBytes(messages));
    onRows(table.recordBatches().reduce((n, b) => n + b.numRows, 0));
    return table;
  };
  const first = await group();
  // No rows: parquet-wasm's stream writer cannot take that, its table writer writes the schema.
  if (!first) return singleChunk(writeParquet(WasmTable.fromIPCStream(schema.value), writerProperties()));
  let pending: WasmTable | null = first;
  const source = new ReadableStream<WasmBatch>({
    async pull(controller) {
      const table = pending ?? (await group());
      pending = null;
      if (table) {
        for (const batch of table.recordBatches()) controller.enqueue(batch);
        table.free();
      }
      if (ended && !pending) controller.close();
    },
  });
  return (await transformParquetStream(source, writerProperties())) as ReadableStream<Uint8Array<ArrayBuffer>>;
}

function singleChunk(bytes: Uint8Array): ReadableStream<Uint8Array<ArrayBuffer>> {
  return new ReadableStream({
    start(controller) {
      controller.enqueue(new Uint8Array(bytes));
      controller.close();
    },
  });
}

/** A Parquet file's batches as Arrow IPC streams, read lazily from the Blob. */
export async function* parquetIpcBatches(file: Blob): AsyncGenerator<Uint8Array> {
  await parquet();
  const pq = await ParquetFile.fromFile(file);
  const reader = (await pq.stream({ batchSize: 65536 })).getReader();
  for (;;) {
    const next = await reader.read();
    if (next.done) break;
    yield (next.value as WasmBatch).intoIPCStream();
  }
  pq.free();
}

/** The file's top-level UUID columns, which parquet-wasm gives as 16 unmarked bytes (lib/staging/parquet-footer.ts). */
export async function parquetUuidColumns(file: Blob): Promise<string[]> {
  const length = footerLength(new Uint8Array(await file.slice(-8).arrayBuffer()));
  if (length === undefined || length + 8 > file.size) return [];
  return uuidColumns(new Uint8Array(await file.slice(file.size - 8 - length, file.size - 8).arrayBuffer()));
}
