import { LONG_MARK } from "./json-long-integers";

/**
 * MongoDB's extended JSON, as mongoexport and Compass write it: typed values wrapped in one-key objects
 * ({"$oid": "65a1…"}, {"$date": "2024-01-15T10:00:00Z"}, {"$numberLong": "12345678901"}). Read as written,
 * each is a struct column of one field. Each wrapper becomes its plain value: an id's text, a date's ISO text
 * (typed TIMESTAMP by the JSON loader where every value is one), a number (a long one keeps its digits, as
 * lib/staging/json-long-integers.ts marks them; a decimal beyond a double's 15 digits stays text).
 */
const UNWRAP: Record<string, (value: unknown) => unknown> = {
  $oid: (v) => (typeof v === "string" ? v : undefined),
  $uuid: (v) => (typeof v === "string" ? v : undefined),
  $symbol: (v) => (typeof v === "string" ? v : undefined),
  $date: date,
  $numberInt: (v) => (typeof v === "string" && /^-?\d+$/.test(v) ? Number(v) : undefined),
  $numberLong: long,
  $numberDouble: (v) => (typeof v !== "string" ? undefined : /^-?(Infinity|NaN)$/.test(v) ? null : Number.isFinite(Number(v)) ? Number(v) : undefined),
  $numberDecimal: decimal,
};

/** Every wrapper in the records replaced by its value, in place (nested objects and lists too); returns how many. */
export function unwrapExtendedJson(records: Record<string, unknown>[]): number {
  let count = 0;
  const visit = (value: unknown): unknown => {
    if (typeof value !== "object" || value === null) return value;
    if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) value[i] = visit(value[i]);
      return value;
    }
    const object = value as Record<string, unknown>;
    const keys = Object.keys(object);
    if (keys.length === 1 && keys[0]! in UNWRAP) {
      const plain = UNWRAP[keys[0]!]!(object[keys[0]!]);
      if (plain !== undefined) {
        count++;
        return plain;
      }
    }
    for (const key of keys) object[key] = visit(object[key]);
    return object;
  };
  for (const record of records) visit(record);
  return count;
}

/** A text that may hold a wrapper: only such files are walked. */
export const mayHoldExtendedJson = (text: string): boolean => /"\$(oid|date|number(Int|Long|Double|Decimal)|uuid|symbol)"\s*:/.test(text);

function date(value: unknown): string | undefined {
  if (typeof value === "string") return value;
  // Canonical mode: milliseconds since 1970 ({"$date": {"$numberLong": "1705312800000"}}); relaxed legacy: a number.
  const ms = typeof value === "number" ? value : typeof value === "object" && value !== null && "$numberLong" in value ? Number((value as { $numberLong: unknown }).$numberLong) : NaN;
  const at = new Date(ms);
  return Number.isFinite(ms) && !Number.isNaN(at.getTime()) ? at.toISOString() : undefined;
}

function long(value: unknown): unknown {
  if (typeof value !== "string" || !/^-?\d+$/.test(value)) return undefined;
  const n = Number(value);
  return Number.isSafeInteger(n) ? n : `${LONG_MARK}${value}`;
}

function decimal(value: unknown): unknown {
  if (typeof value !== "string" || !/^-?\d+(\.\d+)?$/.test(value)) return typeof value === "string" ? value : undefined;
  return value.replace(/[-.]/g, "").replace(/^0+/, "").length <= 15 ? Number(value) : value;
}
