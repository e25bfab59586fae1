import type { HeadPreview } from "@/lib/engine/api";
import { cutArray } from "./json-cut";
import { parseJsonLenient } from "./json-lenient";
import { isObject, ndjsonRecords } from "./json-records";

/**
 * A JSON or NDJSON file's first records, from the text of its start (`head`, the whole file when `whole`),
 * shown while the whole file is parsed and loaded (the page's "First rows of …", as a CSV file's): an array's
 * whole records before the one the text ends in, an NDJSON file's whole lines. Their keys in the order first met;
 * a nested value as its JSON text (the read then spreads it into columns). Null when no record is found whole
 * (a list held in an object, a first record longer than the text).
 */
export function jsonHead(head: string, format: "json" | "ndjson", whole: boolean, count = 20): HeadPreview | null {
  const records = (format === "ndjson" ? ndjsonHead(head, whole) : arrayHead(head.replace(/^\uFEFF/, ""), whole)).slice(0, count);
  if (records.length === 0) return null;
  const columns = [...new Set(records.flatMap((r) => Object.keys(r)))];
  return { columns, columnValues: columns.map((key) => records.map((r) => cellText(r[key]))) };
}

/** An NDJSON file's whole lines, read as the whole file's read reads them (a line not an object left out). */
function ndjsonHead(head: string, whole: boolean): Record<string, unknown>[] {
  // The last line may be cut where the text ends.
  return ndjsonRecords(whole ? head : head.slice(0, Math.max(0, head.lastIndexOf("\n")))).records;
}

function arrayHead(head: string, whole: boolean): Record<string, unknown>[] {
  const text = whole ? head : cutArray(head)?.whole;
  if (!text) return [];
  try {
    const { value } = parseJsonLenient(text);
    return Array.isArray(value) ? value.filter(isObject) : [];
  } catch {
    return [];
  }
}

const cellText = (value: unknown): string | null => (value === null || value === undefined ? null : typeof value === "object" ? JSON.stringify(value) : String(value));
