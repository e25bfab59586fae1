import { Builder } from "flatbuffers";
import { decompress as zstd } from "fzstd";
import { Buffer as BufferRef } from "apache-arrow/fb/buffer";
import { CompressionType } from "apache-arrow/fb/compression-type";
import { DictionaryBatch } from "apache-arrow/fb/dictionary-batch";
import { FieldNode } from "apache-arrow/fb/field-node";
import { Message } from "apache-arrow/fb/message";
import { MessageHeader } from "apache-arrow/fb/message-header";
import { RecordBatch } from "apache-arrow/fb/record-batch";
import { concatBytes } from "@/lib/bytes";
import { lz4Frame } from "./lz4";
import { ArrowIpcError, END_OF_STREAM, encapsulated, ipcMessages, type IpcMessage } from "./messages";

/**
 * An Arrow IPC file or stream as uncompressed IPC streams of up to 64 K rows (or 32 MB) each, with the schema and
 * the dictionaries before them: what DuckDB-WASM's Arrow reader (and parquet-wasm's) take, in loads big enough that
 * inserting each costs little (a writer's batches can be of 1,024 rows). Buffers compressed with LZ4 or ZSTD
 * (Feather's default) are decompressed, and each batch's metadata written again without compression.
 */
export function* arrowIpcStreams(bytes: Uint8Array): Generator<Uint8Array> {
  let schema: Uint8Array | null = null;
  const dictionaries: Uint8Array[] = [];
  // The dictionaries as they were when the pending group began, then the group's messages in order.
  let before: Uint8Array[] = [];
  let group: Uint8Array[] = [];
  let rows = 0;
  let size = 0;
  const flush = () => {
    const stream = concatBytes([schema!, ...before, ...group, END_OF_STREAM]);
    before = [...dictionaries];
    group = [];
    rows = size = 0;
    return stream;
  };
  for (const m of ipcMessages(bytes)) {
    if (m.header === MessageHeader.Schema) schema = m.raw ?? encapsulated(m.metadata, m.body);
    else if (!schema) throw new ArrowIpcError("its first message is not its schema");
    else if (m.header === MessageHeader.DictionaryBatch) {
      const dictionary = uncompressed(m);
      dictionaries.push(dictionary);
      if (group.length) group.push(dictionary);
      else before = [...dictionaries];
    } else if (m.header === MessageHeader.RecordBatch) {
      const batch = uncompressed(m);
      group.push(batch);
      rows += Number((m.message.header(new RecordBatch()) as RecordBatch).length());
      size += batch.length;
      if (rows >= ROWS_A_STREAM || size >= BYTES_A_STREAM) yield flush();
    } else throw new ArrowIpcError("it holds a tensor, not a table");
  }
  if (!schema) throw new ArrowIpcError("it holds no schema");
  if (group.length) yield flush();
}

const ROWS_A_STREAM = 65_536;
const BYTES_A_STREAM = 32 * 2 ** 20;

/** A dictionary or record batch message, its buffers decompressed when they are compressed. */
function uncompressed(m: IpcMessage): Uint8Array {
  const dictionary = m.header === MessageHeader.DictionaryBatch ? (m.message.header(new DictionaryBatch()) as DictionaryBatch) : null;
  const batch = dictionary ? dictionary.data() : (m.message.header(new RecordBatch()) as RecordBatch);
  if (!batch) throw new ArrowIpcError("a dictionary batch has no data");
  const compression = batch.compression();
  if (!compression) return m.raw ?? encapsulated(m.metadata, m.body);
  const codec = compression.codec();
  const buffers: Uint8Array[] = [];
  for (let i = 0; i < batch.buffersLength(); i++) {
    const ref = batch.buffers(i)!;
    const stored = m.body.subarray(Number(ref.offset()), Number(ref.offset()) + Number(ref.length()));
    buffers.push(stored.length === 0 ? stored : inflate(stored, codec));
  }
  const offsets: number[] = [];
  let size = 0;
  for (const buffer of buffers) {
    offsets.push(size);
    size += Math.ceil(buffer.length / 8) * 8;
  }
  const body = new Uint8Array(size);
  buffers.forEach((buffer, i) => body.set(buffer, offsets[i]));
  return encapsulated(metadataWithout(m, dictionary, batch, buffers, offsets, size), body);
}

/** A buffer as Arrow compresses it: its uncompressed length (-1: stored as it is), then the compressed bytes. */
function inflate(stored: Uint8Array, codec: CompressionType): Uint8Array {
  const length = Number(new DataView(stored.buffer, stored.byteOffset, 8).getBigInt64(0, true));
  const data = stored.subarray(8);
  if (length === -1) return data;
  if (codec === CompressionType.LZ4_FRAME) return lz4Frame(data, length);
  const out = zstd(data, new Uint8Array(length));
  if (out.length !== length) throw new ArrowIpcError(`a ZSTD-compressed buffer holds ${out.length} bytes where ${length} were expected`);
  return out;
}

/** The message's metadata again: the same nodes and length, the new buffers, no compression. */
function metadataWithout(m: IpcMessage, dictionary: DictionaryBatch | null, batch: RecordBatch, buffers: Uint8Array[], offsets: number[], bodyLength: number): Uint8Array {
  const b = new Builder(1024);
  const counts = variadicBufferCounts(batch);
  const countsAt = counts.length ? longVector(b, counts) : 0;
  RecordBatch.startNodesVector(b, batch.nodesLength());
  for (let i = batch.nodesLength() - 1; i >= 0; i--) {
    const node = batch.nodes(i)!;
    FieldNode.createFieldNode(b, node.length(), node.nullCount());
  }
  const nodes = b.endVector();
  RecordBatch.startBuffersVector(b, buffers.length);
  for (let i = buffers.length - 1; i >= 0; i--) BufferRef.createBuffer(b, BigInt(offsets[i]!), BigInt(buffers[i]!.length));
  const bufferRefs = b.endVector();
  RecordBatch.startRecordBatch(b);
  RecordBatch.addLength(b, batch.length());
  RecordBatch.addNodes(b, nodes);
  RecordBatch.addBuffers(b, bufferRefs);
  if (countsAt) b.addFieldOffset(4, countsAt, 0);
  let header = RecordBatch.endRecordBatch(b);
  if (dictionary) {
    DictionaryBatch.startDictionaryBatch(b);
    DictionaryBatch.addId(b, dictionary.id());
    DictionaryBatch.addData(b, header);
    DictionaryBatch.addIsDelta(b, dictionary.isDelta());
    header = DictionaryBatch.endDictionaryBatch(b);
  }
  Message.startMessage(b);
  Message.addVersion(b, m.message.version());
  Message.addHeaderType(b, m.header);
  Message.addHeader(b, header);
  Message.addBodyLength(b, BigInt(bodyLength));
  b.finish(Message.endMessage(b));
  return b.asUint8Array();
}

/** A record batch's `variadicBufferCounts` (field 4, Arrow 15's string and binary views), which Arrow JS 17's classes do not read. */
function variadicBufferCounts(batch: RecordBatch): bigint[] {
  const bb = batch.bb!;
  const field = bb.__offset(batch.bb_pos, 12);
  if (!field) return [];
  const vector = bb.__vector(batch.bb_pos + field);
  return Array.from({ length: bb.__vector_len(batch.bb_pos + field) }, (_, i) => bb.readInt64(vector + i * 8));
}

function longVector(b: Builder, values: bigint[]): number {
  b.startVector(8, values.length, 8);
  for (let i = values.length - 1; i >= 0; i--) b.addInt64(values[i]!);
  return b.endVector();
}
