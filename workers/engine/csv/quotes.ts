import { QuoteScanner } from "@/lib/csv/quote-scan";
import type { Dialect } from "@/lib/csv/records";
import type { Rejected } from "./mend";

const CHUNK = 4 * 1024 * 1024;
/** The text of a line found is cut here (a line this long is set aside, not mended). */
const MAX_LINE_TEXT = 1024 * 1024;

/**
 * The lines of a body a lenient read took in without a word although their
 * quotes are wrong (lib/csv/quote-scan.ts), as rejected lines for `mend`:
 * positioned as DuckDB reports its own (one byte past the line's start).
 * Only a read DuckDB's sniffer could not do strictly pays for this scan.
 */
export async function quoteTrouble(body: Blob, dialect: Dialect): Promise<Rejected[]> {
  const scanner = QuoteScanner.for(dialect);
  if (!scanner) return [];
  for (let at = 0; at < body.size; at += CHUNK) scanner.update(new Uint8Array(await body.slice(at, at + CHUNK).arrayBuffer()));
  const found = scanner.result() ?? [];
  return Promise.all(
    found.map(async ({ at, problem }) => {
      const text = await body.slice(at, at + MAX_LINE_TEXT).text();
      return { pos: at + 1, text: text.split(/\r\n|\n|\r/, 1)[0]!, errors: problem.toUpperCase(), cast_columns: null };
    }),
  );
}
