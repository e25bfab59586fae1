import { fail, ok, type Result } from "@/lib/result";
import { DtaError, dtaCsv, readDta } from "@/lib/stata/dta";
import type { ParseOptions } from "@/lib/staging/parse-options";
import type { ReadInfo } from "./read-info";
import { readTableText, type ReadCsvText } from "./sheet";

/** A Stata dataset (.dta) read as a database's table is (sheet.ts): its rows as CSV text, labelled codes as their labels. */
export async function readStata(fileName: string, blob: Blob, options: ParseOptions, readText: ReadCsvText): Promise<Result<ReadInfo>> {
  const bytes = new Uint8Array(await blob.arrayBuffer());
  let text: Blob;
  try {
    text = new Blob([...dtaCsv(bytes, readDta(bytes))], { type: "text/csv" });
  } catch (error) {
    const reason = error instanceof DtaError ? error.message : (error as Error).message;
    return fail({ file: fileName, message: `This Stata dataset cannot be read: ${reason}. Export it from Stata as CSV (export delimited), and stage that.` });
  }
  return readTableText(text, { ...options, headerRow: 1 }, readText);
}
