import { dbfCsv, dbfEncoding, dbfTable, memoFields } from "@/lib/dbf/table";
import { unreadableReason } from "@/lib/format-error";
import { fail, ok, type Result } from "@/lib/result";
import type { ParseOptions } from "@/lib/staging/parse-options";
import type { ReadInfo } from "./read-info";
import { readTableText, type ReadCsvText } from "./sheet";

/**
 * A dBase table (.dbf) read as a database's table is (sheet.ts): its records as CSV text, deleted ones left out and
 * counted. Its text is read in the encoding chosen, else found (lib/dbf/table.ts), which is recorded.
 */
export async function readDbf(fileName: string, blob: Blob, options: ParseOptions, readText: ReadCsvText): Promise<Result<ReadInfo>> {
  const bytes = new Uint8Array(await blob.arrayBuffer());
  let encoding = options.encoding;
  const deleted = { count: 0 };
  let text: Blob;
  let memos: string[];
  try {
    const table = dbfTable(bytes);
    memos = memoFields(bytes, table);
    if (encoding === "utf-8") encoding = dbfEncoding(bytes, table);
    text = new Blob([...dbfCsv(bytes, table, new TextDecoder(encoding), deleted)], { type: "text/csv" });
  } catch (error) {
    return fail({ file: fileName, message: `This dBase table cannot be read: ${unreadableReason(error)}. Open it in LibreOffice or a GIS, save it as CSV, and stage that.` });
  }
  const read = await readTableText(text, { ...options, headerRow: 1 }, readText);
  return read.ok ? ok({ ...read.value, parse: { ...(read.value.parse ?? options), encoding }, ...(deleted.count ? { deletedRecords: deleted.count } : {}), ...(memos.length ? { memoFields: memos } : {}) }) : read;
}
