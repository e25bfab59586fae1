import type { LineCount } from "@/lib/csv/lines";
import { detectLayout, type Layout } from "@/lib/csv/layout";
import type { ParseOptions } from "@/lib/staging/parse-options";
import { givenDialect } from "./options";
import { sampleText, type TextSample } from "./sample";

/** A text's first and last lines, and the layout found from them: the read's first step, which needs no engine. */
export interface FoundLayout {
  sample: TextSample;
  layout: Layout;
}

export async function findLayout(text: Blob, options: ParseOptions): Promise<FoundLayout> {
  const sample = await sampleText(text);
  return { sample, layout: detectLayout(sample, givenDialect(options)) };
}

/** What is known of the text before it is read: found on the way in by staging, or by an earlier read of it. */
export interface FirstRead {
  /** The text's lines, counted on the way in (staging counts them while it checksums the file). */
  counted?: Promise<LineCount>;
  /** Its layout, found with these options (staging shows the first rows by it while DuckDB starts or reads). */
  found?: FoundLayout;
  /** The text is an Excel sheet's rows from this row on: a row's "line" is its row in the sheet. */
  sheetRow?: number;
}
