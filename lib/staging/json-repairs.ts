/** What a lenient JSON read changed (json-lenient.ts): kept with the staged file and said to the user. */
export interface JsonRepairs {
  /** NaN, Infinity and -Infinity read as empty. */
  nonFinite: number;
  /** Commas before a closing bracket or brace, left out. */
  trailingCommas: number;
  /** Values of MongoDB's extended JSON ({"$oid": …}, {"$date": …}) read as their plain values (extended-json.ts). */
  extended?: number;
}

export const noRepairs = (): JsonRepairs => ({ nonFinite: 0, trailingCommas: 0 });

/** Adds what one more value's lenient read changed to `into`. */
export function addRepairs(into: JsonRepairs, more: JsonRepairs): void {
  into.nonFinite += more.nonFinite;
  into.trailingCommas += more.trailingCommas;
}

/** What a lenient read changed, in words; null when nothing. */
export function describeRepairs(r: JsonRepairs | undefined): string | null {
  if (!r) return null;
  const parts = [
    r.nonFinite ? `${r.nonFinite} NaN or Infinity value${r.nonFinite === 1 ? "" : "s"} (as Python writes them) read as empty` : "",
    r.trailingCommas ? `${r.trailingCommas} comma${r.trailingCommas === 1 ? "" : "s"} before a closing bracket left out` : "",
    r.extended ? `${r.extended} value${r.extended === 1 ? "" : "s"} of MongoDB's extended JSON ({"$oid": …}, {"$date": …}) read as plain values` : "",
  ].filter(Boolean);
  return parts.length ? `Read leniently: ${parts.join("; ")}.` : null;
}
