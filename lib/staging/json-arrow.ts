import { Bool, Field, Float64, Int64, List, makeData, RecordBatch, Schema, Struct, Table, tableToIPC, Utf8, type Data, type DataType } from "apache-arrow";
import type { JsonSqlColumn, JsonSqlType } from "./json-records";
import { textColumn } from "@/lib/typed-table/columns";
import { unmarkLong } from "./json-long-integers";

/**
 * JSON records as Arrow IPC streams of a batch of rows each, with the columns' types given
 * (json-records.ts), for DuckDB-WASM's Arrow insert: what its JSON reader
 * made of the records' JSON text, without writing that text and reading it
 * again (stringifying, encoding and parsing 165 MB took longer than the rest
 * of the load). A value in a text column is kept as the JSON reader kept it:
 * a string as itself, any other value as its JSON text; long whole numbers
 * as their digits. Each column is built straight into Arrow's buffers
 * (apache-arrow's generic builders took 2–3 s for a million strings).
 */
export function* arrowBatches(records: readonly Record<string, unknown>[], fields: readonly JsonSqlColumn[], batchRows = 122_880): Generator<Uint8Array<ArrayBuffer>> {
  const schema = new Schema(fields.map((f) => new Field(f.name, arrowType(f), true)));
  const values = fields.map((f) => valueAt(f.path ?? [f.name]));
  for (let start = 0; start < records.length || start === 0; start += batchRows) {
    const length = Math.min(batchRows, records.length - start);
    const children = fields.map((f, c) => {
      const column = new Array<unknown>(length);
      const at = values[c]!;
      for (let i = 0; i < length; i++) column[i] = at(records[start + i]);
      return columnData(f, column);
    });
    const batch = new RecordBatch(schema, makeData({ type: new Struct(schema.fields), length, nullCount: 0, children }));
    yield tableToIPC(new Table(schema, [batch]), "stream") as Uint8Array<ArrayBuffer>;
  }
}

type Row = Record<string, unknown>;

/** What reads a column's value in a record: at its key, or down a spread field's path (null where an object on it is). */
function valueAt(path: readonly string[]): (record: Row | undefined) => unknown {
  const [key = ""] = path;
  if (path.length === 1) return (record) => record?.[key];
  return (record) => {
    let value: unknown = record;
    for (const step of path) {
      if (isNull(value)) return undefined;
      value = (value as Row)[step];
    }
    return value;
  };
}

function arrowType(type: JsonSqlType): DataType {
  switch (type.sqlType) {
    case "int64":
      return new Int64();
    case "float64":
      return new Float64();
    case "bool":
      return new Bool();
    case "list":
      return new List(new Field("item", arrowType(type.valueType ?? { sqlType: "utf8" }), true));
    case "struct":
      return new Struct((type.fields ?? []).map((f) => new Field(f.name, arrowType(f), true)));
    default:
      return new Utf8();
  }
}

const isNull = (value: unknown) => value === null || value === undefined;
const setBit = (bits: Uint8Array, i: number) => {
  bits[i >> 3] = (bits[i >> 3] ?? 0) | (1 << (i & 7));
};

/** The validity bitmap of `values` (a bit set for each value that is not null), and how many are null. */
function validity(values: readonly unknown[]): { nullBitmap: Uint8Array; nullCount: number } {
  const nullBitmap = new Uint8Array(Math.ceil(values.length / 8));
  let nullCount = 0;
  for (let i = 0; i < values.length; i++) {
    if (isNull(values[i])) nullCount++;
    else setBit(nullBitmap, i);
  }
  return { nullBitmap, nullCount };
}

function columnData(type: JsonSqlType, values: readonly unknown[]): Data {
  const length = values.length;
  // Made only where it is used: a text column's builder makes its own.
  const valid = () => validity(values);
  switch (type.sqlType) {
    case "int64": {
      const data = new BigInt64Array(length);
      for (let i = 0; i < length; i++) if (!isNull(values[i])) data[i] = BigInt(values[i] as number);
      return makeData({ type: new Int64(), length, ...valid(), data });
    }
    case "float64": {
      const data = new Float64Array(length);
      for (let i = 0; i < length; i++) if (!isNull(values[i])) data[i] = values[i] as number;
      return makeData({ type: new Float64(), length, ...valid(), data });
    }
    case "bool": {
      const data = new Uint8Array(Math.ceil(length / 8));
      for (let i = 0; i < length; i++) if (values[i] === true) setBit(data, i);
      return makeData({ type: new Bool(), length, ...valid(), data });
    }
    case "list": {
      const item = type.valueType ?? { sqlType: "utf8" };
      const valueOffsets = new Int32Array(length + 1);
      const items: unknown[] = [];
      for (let i = 0; i < length; i++) {
        const value = values[i];
        if (Array.isArray(value)) for (const v of value) items.push(v);
        valueOffsets[i + 1] = items.length;
      }
      return makeData({ type: arrowType(type) as List, length, ...valid(), valueOffsets, child: columnData(item, items) });
    }
    case "struct": {
      const fields = type.fields ?? [];
      const children = fields.map((f) => columnData(f, values.map((v) => (isNull(v) ? undefined : (v as Row)[f.name]))));
      return makeData({ type: arrowType(type) as Struct, length, ...valid(), children });
    }
    default:
      return textColumn(values.map(asText));
  }
}

/** A value as the JSON reader reads it into a text column. */
function asText(value: unknown): string | undefined {
  if (isNull(value)) return undefined;
  return unmarkLong(typeof value === "string" ? value : JSON.stringify(value));
}
