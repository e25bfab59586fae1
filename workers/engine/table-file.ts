import { unreadableReason } from "@/lib/format-error";
import { fail, ok, type Result } from "@/lib/result";
import type { ParseOptions } from "@/lib/staging/parse-options";
import type { ReadInfo } from "./read-info";
import { readTableText, type ReadCsvText } from "./sheet";

/** A file lib/ turns into CSV text, read as a database's table is (sheet.ts): a dBase table, a Stata dataset, an SPSS data file. */
export interface TableFile {
  /** "This <kind> cannot be read: …". */
  kind: string;
  /** What to do instead, when it cannot. */
  instead: string;
  /** The file's rows as CSV text, its column names first; it may throw a FormatError saying why it cannot. */
  csv(bytes: Uint8Array): Iterable<string>;
}

export async function readTableFile(fileName: string, blob: Blob, options: ParseOptions, readText: ReadCsvText, file: TableFile): Promise<Result<ReadInfo>> {
  const bytes = new Uint8Array(await blob.arrayBuffer());
  let text: Blob;
  try {
    text = new Blob([...file.csv(bytes)], { type: "text/csv" });
  } catch (error) {
    return fail({ file: fileName, message: `This ${file.kind} cannot be read: ${unreadableReason(error)}. ${file.instead}` });
  }
  return readTableText(text, { ...options, headerRow: 1 }, readText);
}
