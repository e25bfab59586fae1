import { DataType, type Field, type Vector } from "apache-arrow";
import { fitsDouble } from "@/lib/ndjson/write";
import { dayText, momentText } from "@/lib/typed-table/text";

/**
 * Nested values (lists, structs, maps) of an Arrow result as JSON text, for
 * NDJSON downloads: DuckDB writes JSON only with its JSON extension, which
 * this build does not have, and its text form of a nested value
 * (`{'lat': 1.5}`, `[a, b]`) is not JSON. Numbers with more digits than a
 * double holds exactly become strings; dates and timestamps ISO text, as at
 * the top level of a row (lib/ndjson/write.ts).
 */
export function nestedJsonColumn(vector: Vector): (string | null)[] {
  const values: (string | null)[] = new Array(vector.length);
  for (let r = 0; r < vector.length; r++) {
    const v: unknown = vector.get(r);
    values[r] = v === null || v === undefined ? null : JSON.stringify(arrowJson(v, vector.type));
  }
  return values;
}

/** An Arrow value (as apache-arrow gives it) as a JSON value. */
export function arrowJson(value: unknown, type: DataType): unknown {
  if (value === null || value === undefined) return null;
  if (DataType.isList(type) || DataType.isFixedSizeList(type)) return Array.from(value as Iterable<unknown>, (v) => arrowJson(v, type.children[0]!.type));
  if (DataType.isStruct(type)) {
    const row = value as Record<string, unknown>;
    return Object.fromEntries(type.children.map((f: Field) => [f.name, arrowJson(row[f.name], f.type)]));
  }
  if (DataType.isMap(type)) {
    const [key, val] = type.children[0]!.type.children as Field[];
    return Object.fromEntries(Array.from(value as Iterable<[unknown, unknown]>, ([k, v]) => [String(arrowJson(k, key!.type)), arrowJson(v, val!.type)]));
  }
  if (DataType.isDecimal(type)) return decimalJson(String(value), type.scale);
  if (typeof value === "bigint") return Number.isSafeInteger(Number(value)) ? Number(value) : String(value);
  if (typeof value === "number") {
    if (DataType.isDate(type)) return dayText(value);
    if (DataType.isTimestamp(type)) return momentText(value);
    return Number.isFinite(value) ? value : null;
  }
  if (typeof value === "boolean" || typeof value === "string") return value;
  return String(value);
}

/** A decimal from its unscaled digits (Arrow's form): a JSON number, or text when a double cannot hold it exactly. */
function decimalJson(unscaled: string, scale: number): number | string {
  const text = decimalText(unscaled, scale);
  return fitsDouble(text) ? Number(text) : text;
}

/** A decimal's text (`-0.05`) from its unscaled digits (`-5`) and scale. */
export function decimalText(unscaled: string, scale: number): string {
  const negative = unscaled.startsWith("-");
  const digits = (negative ? unscaled.slice(1) : unscaled).padStart(scale + 1, "0");
  return `${negative ? "-" : ""}${scale ? `${digits.slice(0, -scale)}.${digits.slice(-scale)}` : digits}`;
}
