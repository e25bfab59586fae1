import { lineFrom } from "@/lib/csv/blob-lines";
import { QuoteScanner } from "@/lib/csv/quote-scan";
import type { Dialect } from "@/lib/csv/records";
import type { Rejected } from "./mend";

const CHUNK = 4 * 1024 * 1024;

/**
 * The lines of a body a lenient read took in without a word although their
 * quotes are wrong (lib/csv/quote-scan.ts), as rejected lines for `mend`:
 * each line's whole text, positioned as DuckDB reports its own (one byte past
 * the line's start). Only a read DuckDB's sniffer could not do strictly pays
 * for this scan.
 */
export async function quoteTrouble(body: Blob, dialect: Dialect): Promise<Rejected[]> {
  const scanner = QuoteScanner.for(dialect);
  if (!scanner) return [];
  for (let at = 0; at < body.size; at += CHUNK) scanner.update(new Uint8Array(await body.slice(at, at + CHUNK).arrayBuffer()));
  const found = scanner.result() ?? [];
  return Promise.all(found.map(async ({ at, problem }) => ({ pos: at + 1, text: await lineFrom(body, at), errors: problem.toUpperCase(), cast_columns: null })));
}
