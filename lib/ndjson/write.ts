import type { Column } from "@/lib/datasets/manifest";
import { isNestedType, isNumericType } from "@/lib/sql/types";

/**
 * NDJSON from DuckDB's text form of each value: numbers stay JSON numbers
 * (non-finite ones become null), booleans stay booleans, everything else
 * (dates, timestamps, decimals too large for a double) is a JSON string as
 * DuckDB writes it. Nested values (lists, structs, maps) come as JSON text
 * already (workers/engine/arrow-json.ts) and are written as they are.
 */
const FINITE_NUMBER = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?$/;
const SAFE_DIGITS = 15;

/** Whether a number written as text keeps its exact value as a JSON number (a double holds 15 significant digits). */
export const fitsDouble = (text: string): boolean => text.replace(/^-/, "").replace(/[eE].*$/, "").replace(".", "").replace(/^0+/, "").length <= SAFE_DIGITS;

function jsonValue(text: string | null, type: string): string {
  if (text === null) return "null";
  if (isNestedType(type)) return text;
  if (/^BOOLEAN$/i.test(type)) return text === "true" ? "true" : "false";
  if (isNumericType(type)) {
    if (!FINITE_NUMBER.test(text)) return "null";
    return !fitsDouble(text) && !/^(FLOAT|DOUBLE)/i.test(type) ? JSON.stringify(text) : text;
  }
  return JSON.stringify(text);
}

/** Rows of a column-major page as NDJSON lines. */
export function ndjsonRows(columns: readonly Column[], data: readonly (readonly (string | null)[])[]): string {
  const keys = columns.map((c) => JSON.stringify(c.name));
  const rowCount = data[0]?.length ?? 0;
  let out = "";
  for (let r = 0; r < rowCount; r++) {
    out += `{${columns.map((c, i) => `${keys[i]}:${jsonValue(data[i]![r] ?? null, c.type)}`).join(",")}}\n`;
  }
  return out;
}
