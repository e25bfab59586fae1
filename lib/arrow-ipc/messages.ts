import { ByteBuffer } from "flatbuffers";
import { Message } from "apache-arrow/fb/message";
import { Footer } from "apache-arrow/ipc/metadata/file";
import { Message as MessageMetadata } from "apache-arrow/ipc/metadata/message";
import { MessageHeader } from "apache-arrow/fb/message-header";
import { FormatError } from "@/lib/format-error";

/**
 * The messages of an Arrow IPC file (`ARROW1`, a Feather V2 file) or stream (https://arrow.apache.org/docs/format/Columnar.html#serialization-and-interprocess-communication-ipc):
 * each a flatbuffer of metadata (a schema, a dictionary batch or a record batch) and the body its buffers sit in.
 */
export class ArrowIpcError extends FormatError {}

export interface IpcMessage {
  header: MessageHeader;
  message: Message;
  /** The metadata flatbuffer, and the body after it. */
  metadata: Uint8Array;
  body: Uint8Array;
  /** The message as a stream writes it, when the file holds it so (not before Arrow 0.15), to hand on without a copy. */
  raw?: Uint8Array;
}

const FILE_MAGIC = "ARROW1";
const CONTINUATION = 0xffffffff;

export const isArrowFile = (bytes: Uint8Array) => new TextDecoder("latin1").decode(bytes.subarray(0, 6)) === FILE_MAGIC;

/** Each message in order: the schema first, then dictionaries and record batches, up to the end of the stream (or the file's footer). */
export function* ipcMessages(bytes: Uint8Array): Generator<IpcMessage> {
  const data = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let at = 0;
  let end = bytes.length;
  if (isArrowFile(bytes)) {
    if (bytes.length < 18 || new TextDecoder("latin1").decode(bytes.subarray(-6)) !== FILE_MAGIC) throw new ArrowIpcError("it is cut short: an Arrow file ends with its footer and ARROW1, and this one does not");
    end = bytes.length - 10 - data.getInt32(bytes.length - 10, true);
    if (end < 8 || end > bytes.length - 10) throw new ArrowIpcError("it is damaged: its footer's length does not fit in it");
    at = 8;
  } else if (new TextDecoder("latin1").decode(bytes.subarray(0, 4)) === "FEA1") {
    throw new ArrowIpcError("it is a Feather file of the first version (2016), which only old versions of pyarrow and feather read; write it again with pyarrow 0.17 or later (feather.write_feather) or as Parquet");
  }
  // A file's body may leave its schema to the footer (Arrow JS's writer does): it comes first here all the same.
  const footerSchema = at === 8 ? () => parsed(MessageMetadata.encode(MessageMetadata.from(Footer.decode(bytes.subarray(end, bytes.length - 10)).schema)), new Uint8Array()) : null;
  let first = true;
  while (at + 4 <= end) {
    const start = at;
    // Since Arrow 0.15 a message starts with a continuation mark; before, with its length alone.
    let length = data.getInt32(at, true);
    at += 4;
    if (length === -1) {
      length = at + 4 <= end ? data.getInt32(at, true) : 0;
      at += 4;
    }
    if (length === 0) break;
    if (length < 0 || at + length > end) throw new ArrowIpcError("it is cut short or damaged: a message runs past its end");
    const metadata = bytes.subarray(at, at + length);
    const message = Message.getRootAsMessage(new ByteBuffer(metadata));
    if (first && footerSchema && message.headerType() !== MessageHeader.Schema) yield footerSchema();
    first = false;
    at += length;
    const bodyLength = Number(message.bodyLength());
    if (at + bodyLength > end) throw new ArrowIpcError("it is cut short: a record batch's data runs past its end");
    const raw = at - start === 8 + length && length % 8 === 0 ? bytes.subarray(start, at + bodyLength) : undefined;
    yield { ...parsed(metadata, bytes.subarray(at, at + bodyLength), message), ...(raw ? { raw } : {}) };
    at += bodyLength;
  }
  if (first && footerSchema) yield footerSchema();
}

function parsed(metadata: Uint8Array, body: Uint8Array, message = Message.getRootAsMessage(new ByteBuffer(metadata))): IpcMessage {
  return { header: message.headerType(), message, metadata, body };
}

/** One message as a stream writes it: the continuation mark, the metadata's length (padded to 8 bytes), the metadata, the body. */
export function encapsulated(metadata: Uint8Array, body: Uint8Array): Uint8Array {
  const padded = Math.ceil(metadata.length / 8) * 8;
  const out = new Uint8Array(8 + padded + body.length);
  const data = new DataView(out.buffer);
  data.setUint32(0, CONTINUATION, true);
  data.setInt32(4, padded, true);
  out.set(metadata, 8);
  out.set(body, 8 + padded);
  return out;
}

/** The end of a stream. */
export const END_OF_STREAM = new Uint8Array([0xff, 0xff, 0xff, 0xff, 0, 0, 0, 0]);
