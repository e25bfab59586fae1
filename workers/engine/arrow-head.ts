import { DataType, Precision, tableFromIPC, TimeUnit, type Vector } from "apache-arrow";
import type { HeadPreview } from "@/lib/engine/api";
import { dayText, shownMomentText, withoutTrailingZeros } from "@/lib/typed-table/text";
import { arrowJson, decimalText } from "./arrow-json";

/**
 * A Parquet or Arrow file's first rows, shown while the whole file is loaded into DuckDB (as a CSV file's are: the
 * page's "First rows of …"), taken from its first batch before DuckDB is asked for anything.
 */
export const HEAD_ROWS = 20;

/** The first rows of an Arrow IPC stream as the page's preview shows them: column-major text, nested values as JSON. */
export function arrowHead(ipc: Uint8Array, count = HEAD_ROWS): HeadPreview | null {
  const table = tableFromIPC(ipc);
  if (table.numCols === 0) return null;
  const rows = Math.min(count, table.numRows);
  return {
    columns: table.schema.fields.map((f) => f.name),
    columnValues: table.schema.fields.map((f, c) => columnText(table.getChildAt(c), f.type, rows)),
  };
}

function columnText(vector: Vector | null, type: DataType, rows: number): (string | null)[] {
  return Array.from({ length: rows }, (_, r) => cellText(vector?.get(r), type));
}

/** A value as text, as DuckDB shows it once the file is staged: dates as `2024-01-02`, timestamps as `2024-01-02 10:11:12`. */
function cellText(value: unknown, type: DataType): string | null {
  if (value === null || value === undefined) return null;
  if (DataType.isDictionary(type)) return cellText(value, type.dictionary);
  if (DataType.isList(type) || DataType.isFixedSizeList(type) || DataType.isStruct(type) || DataType.isMap(type)) return JSON.stringify(arrowJson(value, type));
  if (DataType.isDecimal(type)) return decimalText(String(value), type.scale);
  if (DataType.isDate(type)) return dayText(Number(value));
  if (DataType.isTimestamp(type)) return shownMomentText(Number(value));
  if (DataType.isTime(type)) return timeOfDay(Number(value), type.unit);
  if (DataType.isFloat(type)) return floatText(Number(value), type.precision === Precision.SINGLE);
  if (value instanceof Uint8Array) return blobText(value);
  return String(value);
}

/**
 * A float as DuckDB writes it: in the fewest digits that give it back (for a single-precision one, as one), whole
 * ones with `.0`, in exponent form (`1e+16`, `1e-05`) from 10^16 and below 10^-4.
 */
function floatText(value: number, single: boolean): string {
  if (Number.isNaN(value)) return "nan";
  if (!Number.isFinite(value)) return value < 0 ? "-inf" : "inf";
  if (value === 0) return Object.is(value, -0) ? "-0.0" : "0.0";
  let digits = 17;
  if (single) digits = [1, 2, 3, 4, 5, 6, 7, 8, 9].find((d) => Math.fround(Number(value.toPrecision(d))) === value) ?? 9;
  const exponential = single ? value.toExponential(digits - 1) : value.toExponential();
  const [mantissa, power] = exponential.split("e") as [string, string];
  const exponent = Number(power);
  if (exponent >= 16 || exponent < -4) return `${withoutTrailingZeros(mantissa)}e${exponent < 0 ? "-" : "+"}${String(Math.abs(exponent)).padStart(2, "0")}`;
  const fixed = String(Number(exponential));
  return fixed.includes(".") ? fixed : `${fixed}.0`;
}

const PER_SECOND: Record<TimeUnit, number> = { [TimeUnit.SECOND]: 1, [TimeUnit.MILLISECOND]: 1e3, [TimeUnit.MICROSECOND]: 1e6, [TimeUnit.NANOSECOND]: 1e9 };

/** `14:20:33`, with its fraction when it has one, from a time of day in its unit. */
function timeOfDay(value: number, unit: TimeUnit): string {
  const ms = (value / PER_SECOND[unit]) * 1000;
  return withoutTrailingZeros(new Date(ms).toISOString().slice(11, 23));
}

/** Bytes as DuckDB shows a BLOB: printable ASCII as it is, every other byte as `\xAB`. */
function blobText(bytes: Uint8Array): string {
  let text = "";
  for (const b of bytes) text += b >= 0x20 && b < 0x7f && b !== 0x5c ? String.fromCharCode(b) : `\\x${b.toString(16).toUpperCase().padStart(2, "0")}`;
  return text;
}

/**
 * The streams again, the first one's rows given to `onHead` first: the first stream is read at once (before DuckDB
 * is ready to take it), the rest as they are asked for.
 */
export async function withArrowHead(streams: AsyncIterable<Uint8Array> | Iterable<Uint8Array>, onHead: ((head: HeadPreview) => void) | undefined): Promise<AsyncIterable<Uint8Array> | Iterable<Uint8Array>> {
  if (!onHead) return streams;
  const iterator = Symbol.asyncIterator in streams ? streams[Symbol.asyncIterator]() : streams[Symbol.iterator]();
  const first = await iterator.next();
  if (!first.done) {
    const head = arrowHead(first.value);
    if (head) onHead(head);
  }
  return (async function* () {
    if (first.done) return;
    yield first.value;
    for (let next = await iterator.next(); !next.done; next = await iterator.next()) yield next.value;
  })();
}
