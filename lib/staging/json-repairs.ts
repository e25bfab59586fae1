import { describeCaseKeys, type CaseKeys } from "./json-case-keys";
import type { ScriptWrapper } from "./json-script";

/** What a lenient JSON read changed (json-lenient.ts): kept with the staged file and said to the user. */
export interface JsonRepairs {
  /** NaN, Infinity and -Infinity read as empty. */
  nonFinite: number;
  /** Commas before a closing bracket or brace, left out. */
  trailingCommas: number;
  /** Values of MongoDB's extended JSON ({"$oid": …}, {"$date": …}) read as their plain values (extended-json.ts). */
  extended?: number;
  /** NDJSON lines that ended in a comma (objects written as an array's items, without its brackets), read without it. */
  lineCommas?: number;
  /** NDJSON lines that started with a byte-order mark (files joined end to end, each with its mark), read without it. */
  lineMarks?: number;
  /** Comments (// … or /* … *\/, as JSONC and hand-edited files have them), left out. */
  comments?: number;
  /** The JavaScript around the JSON (json-script.ts), left out. */
  script?: ScriptWrapper;
  /** Keys that differ only in case and never meet in a record, read as one column (json-case-keys.ts). */
  caseKeys?: CaseKeys[];
}

export const noRepairs = (): JsonRepairs => ({ nonFinite: 0, trailingCommas: 0 });

/** Adds what one more value's lenient read changed to `into`. */
export function addRepairs(into: JsonRepairs, more: JsonRepairs): void {
  into.nonFinite += more.nonFinite;
  into.trailingCommas += more.trailingCommas;
  if (more.comments) into.comments = (into.comments ?? 0) + more.comments;
}

/** What a lenient read changed, in words; null when nothing. */
export function describeRepairs(r: JsonRepairs | undefined): string | null {
  if (!r) return null;
  const parts = [
    r.nonFinite ? `${r.nonFinite} NaN or Infinity value${r.nonFinite === 1 ? "" : "s"} (as Python writes them) read as empty` : "",
    r.trailingCommas ? `${r.trailingCommas} comma${r.trailingCommas === 1 ? "" : "s"} before a closing bracket left out` : "",
    r.script ? `the JavaScript around the JSON (${r.script === "callback" ? "a JSONP callback" : "an assignment to a variable"}) left out` : "",
    r.comments ? `${r.comments} comment${r.comments === 1 ? "" : "s"} (// or /* */, which JSON does not allow) left out` : "",
    r.extended ? `${r.extended} value${r.extended === 1 ? "" : "s"} of MongoDB's extended JSON ({"$oid": …}, {"$date": …}) read as plain values` : "",
    r.lineCommas ? `${r.lineCommas} line${r.lineCommas === 1 ? "" : "s"} ending in a comma read without it (objects written as an array's items)` : "",
    r.lineMarks ? `${r.lineMarks} line${r.lineMarks === 1 ? "" : "s"} starting with a byte-order mark read without it (files joined end to end)` : "",
    r.caseKeys?.length ? describeCaseKeys(r.caseKeys) : "",
  ].filter(Boolean);
  return parts.length ? `Read leniently: ${parts.join("; ")}.` : null;
}
