import { makeData, RecordBatch as ArrowBatch, Struct, Table as ArrowTable, tableToIPC, type Schema } from "apache-arrow";
import init, {
  Compression,
  ParquetFile,
  Table as WasmTable,
  WriterPropertiesBuilder,
  transformParquetStream,
  writeParquet,
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

const ROWS_PER_HANDOVER = 65_536;

/** Arrow record batches in, Parquet (zstd) bytes out, a group of batches at a time. */
export async function parquetStream(batches: AsyncIterable<ArrowBatch>): Promise<ReadableStream<Uint8Array<ArrayBuffer>>> {
  await parquet();
  const iterator = batches[Symbol.asyncIterator]();
  const props = () => new WriterPropertiesBuilder().setCompression(Compression.ZSTD).build();
  // DuckDB hands over batches of no rows (an empty result is one), which carry only the schema.
  let schema: Schema | null = null;
  let first = await iterator.next();
  while (!first.done && first.value.numRows === 0) {
    schema = first.value.schema;
    first = await iterator.next();
  }
  if (first.done) {
    if (!schema) throw new Error("DuckDB returned no rows and no schema to write.");
    // A table with no rows: parquet-wasm's stream writer cannot take it, its table writer writes the schema.
    return singleChunk(writeParquet(wasmTable(new ArrowTable([emptyBatch(schema)])), props()));
  }
  let pending: ArrowBatch | null = first.value;
  let ended = false;
  const source = new ReadableStream<WasmBatch>({
    async pull(controller) {
      // DuckDB streams 2,048 rows at a time: they cross into parquet-wasm a few dozen batches at once (one IPC encode and decode).
      const group: ArrowBatch[] = [];
      let rows = 0;
      while (!ended && rows < ROWS_PER_HANDOVER) {
        const next: IteratorResult<ArrowBatch> = pending ? { done: false, value: pending } : await iterator.next();
        pending = null;
        if (next.done) ended = true;
        else if (next.value.numRows > 0) {
          group.push(next.value);
          rows += next.value.numRows;
        }
      }
      if (group.length) {
        const wasm = wasmTable(new ArrowTable(group));
        for (const batch of wasm.recordBatches()) controller.enqueue(batch);
        wasm.free();
      }
      if (ended) controller.close();
    },
  });
  return (await transformParquetStream(source, props())) as ReadableStream<Uint8Array<ArrayBuffer>>;
}

const wasmTable = (table: ArrowTable): WasmTable => WasmTable.fromIPCStream(tableToIPC(table, "stream"));

function singleChunk(bytes: Uint8Array): ReadableStream<Uint8Array<ArrayBuffer>> {
  return new ReadableStream({
    start(controller) {
      controller.enqueue(new Uint8Array(bytes));
      controller.close();
    },
  });
}

/** A batch of no rows: `new Table(schema)` holds no batch at all, and `new RecordBatch(schema)` throws in apache-arrow 17. */
function emptyBatch(schema: Schema): ArrowBatch {
  const children = schema.fields.map((f) => makeData({ type: f.type, length: 0, nullCount: 0 }));
  return new ArrowBatch(schema, makeData({ type: new Struct(schema.fields), length: 0, nullCount: 0, children }));
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
