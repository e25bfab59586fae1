import type { HeadPreview } from "@/lib/engine/api";
import { headRows } from "@/lib/csv/head-preview";
import type { ParseOptions } from "@/lib/staging/parse-options";
import { givenDialect } from "./csv/read";
import { utf8Blob } from "./text";

/**
 * The first rows of a delimited text file, from a slice of its start, as
 * written (all text): shown the moment a file is dropped, while the whole
 * file is checksummed, stored and read. Cut in JavaScript by the layout the
 * full read uses (lib/csv/head-preview.ts), not by a DuckDB query: staging
 * waits for the preview, and DuckDB's first read of a head took 0.4 s.
 */
const HEAD_BYTES = 256 * 1024;

export async function previewHead(blob: Blob, options: ParseOptions): Promise<HeadPreview | null> {
  if (options.format !== "csv") return null;
  let text = await (await utf8Blob(blob.slice(0, HEAD_BYTES), options.gzip, options.encoding)).text();
  const whole = blob.size <= HEAD_BYTES && !options.gzip;
  if (!whole) text = text.slice(0, text.lastIndexOf("\n") + 1);
  return headRows(text, whole, givenDialect(options));
}
