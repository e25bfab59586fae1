import { RecordBatch as ArrowBatch, Table as ArrowTable, tableToIPC, type Schema } from "apache-arrow";
import init, {
  Compression,
  ParquetFile,
  Table as WasmTable,
  WriterPropertiesBuilder,
  transformParquetStream,
  type RecordBatch as WasmBatch,
} from "parquet-wasm/esm";

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

/** Arrow record batches in, Parquet (zstd) bytes out, one batch at a time. */
export async function parquetStream(
  schema: Schema,
  batches: AsyncIterable<ArrowBatch>,
): Promise<ReadableStream<Uint8Array<ArrayBuffer>>> {
  await parquet();
  const iterator = batches[Symbol.asyncIterator]();
  let sent = false;
  const source = new ReadableStream<WasmBatch>({
    async pull(controller) {
      const next = await iterator.next();
      if (next.done) {
        // A table with no rows still needs one (empty) batch to carry its schema.
        if (!sent) enqueueAll(controller, new ArrowTable(schema));
        controller.close();
        return;
      }
      sent = true;
      enqueueAll(controller, new ArrowTable([next.value]));
    },
  });
  const props = new WriterPropertiesBuilder().setCompression(Compression.ZSTD).build();
  return (await transformParquetStream(source, props)) as ReadableStream<Uint8Array<ArrayBuffer>>;
}

function enqueueAll(controller: ReadableStreamDefaultController<WasmBatch>, table: ArrowTable): void {
  const wasm = WasmTable.fromIPCStream(tableToIPC(table, "stream"));
  for (const batch of wasm.recordBatches()) controller.enqueue(batch);
  wasm.free();
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
