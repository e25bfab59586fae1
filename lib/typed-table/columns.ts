import { DateDay, Float64, makeData, TimestampMicrosecond, Utf8, type Data, type DataType } from "apache-arrow";
import type { ColumnType, TypedCell } from "./table";

const DAY_MS = 86_400_000;

/**
 * One column of a batch of rows, built straight into Arrow's buffers, which the next batch writes over once the
 * batch has been written as IPC (tableToIPC copies them): a million rows of ten columns pushed into arrays and
 * converted took longer than reading them from the file.
 */
export interface ColumnBuilder {
  readonly type: DataType;
  /** The value of row `i` of the batch (rows are added in order from 0). */
  add(i: number, value: TypedCell): void;
  /** The first `length` rows as Arrow data. */
  data(length: number): Data;
}

export function columnBuilder(type: ColumnType, rows: number): ColumnBuilder {
  if (type === "number") return numbers(new Float64(), new Float64Array(rows), (v) => v);
  if (type === "date") return numbers(new DateDay(), new Int32Array(rows), (v) => Math.floor(v / DAY_MS));
  if (type === "timestamp") return timestamps(rows);
  return texts(rows);
}

class Validity {
  readonly bits: Uint8Array;
  nulls = 0;
  constructor(rows: number) {
    this.bits = new Uint8Array(Math.ceil(rows / 8));
  }
  set(i: number, valid: boolean) {
    if (i === 0) {
      this.bits.fill(0);
      this.nulls = 0;
    }
    if (valid) this.bits[i >> 3]! |= 1 << (i & 7);
    else this.nulls++;
  }
  of(length: number) {
    return { nullBitmap: this.bits.subarray(0, Math.ceil(length / 8)), nullCount: this.nulls };
  }
}

function numbers<T extends Float64 | DateDay>(type: T, values: Float64Array | Int32Array, of: (v: number) => number): ColumnBuilder {
  const valid = new Validity(values.length);
  return {
    type,
    add(i, value) {
      valid.set(i, value !== null);
      values[i] = value === null ? 0 : of(value as number);
    },
    data: (length) => makeData({ type, length, ...valid.of(length), data: values.subarray(0, length) } as never),
  };
}

function timestamps(rows: number): ColumnBuilder {
  const type = new TimestampMicrosecond();
  const values = new BigInt64Array(rows);
  const valid = new Validity(rows);
  return {
    type,
    add(i, value) {
      valid.set(i, value !== null);
      values[i] = value === null ? 0n : BigInt(Math.round((value as number) * 1000));
    },
    data: (length) => makeData({ type, length, ...valid.of(length), data: values.subarray(0, length) }),
  };
}

const encoder = new TextEncoder();

/** Text as UTF-8: bytes given as they are, ASCII characters copied in a loop, the rest encoded by the platform. */
function texts(rows: number, size = 1 << 16): ColumnBuilder {
  const type = new Utf8();
  const offsets = new Int32Array(rows + 1);
  const valid = new Validity(rows);
  let bytes = new Uint8Array(size);
  let at = 0;
  const room = (more: number) => {
    if (at + more <= bytes.length) return;
    const grown = new Uint8Array(Math.max(at + more, bytes.length * 2));
    grown.set(bytes.subarray(0, at));
    bytes = grown;
  };
  return {
    type,
    add(i, value) {
      if (i === 0) at = 0;
      valid.set(i, value !== null);
      if (value instanceof Uint8Array) {
        room(value.length);
        bytes.set(value, at);
        at += value.length;
      } else if (value !== null) {
        const text = String(value);
        room(text.length);
        let k = 0;
        for (; k < text.length; k++) {
          const code = text.charCodeAt(k);
          if (code >= 0x80) break;
          bytes[at++] = code;
        }
        if (k < text.length) {
          const rest = text.slice(k);
          room(rest.length * 3);
          at += encoder.encodeInto(rest, bytes.subarray(at)).written;
        }
      }
      offsets[i + 1] = at;
    },
    data: (length) => makeData({ type, length, ...valid.of(length), valueOffsets: offsets.subarray(0, length + 1), data: bytes.subarray(0, at) }),
  };
}

/** Text values as an Arrow column (JSON's text columns: lib/staging/json-arrow.ts). */
export function textColumn(values: readonly (string | null | undefined)[]): Data {
  // Room for the values if they are ASCII; more is made when one is not.
  const builder = texts(values.length, values.reduce((sum, v) => sum + (v?.length ?? 0), 0));
  values.forEach((v, i) => builder.add(i, v ?? null));
  return builder.data(values.length);
}
