import { dbfCsv, dbfEncoding, dbfTable } from "@/lib/dbf/table";
import { ok, type Result } from "@/lib/result";
import type { ParseOptions } from "@/lib/staging/parse-options";
import type { ReadInfo } from "./read-info";
import type { ReadCsvText } from "./sheet";
import { readTableFile } from "./table-file";

/**
 * A dBase table (.dbf) read as a database's table is: its records, deleted ones left out and counted. Its text is
 * read in the encoding chosen, else found (lib/dbf/table.ts), which is recorded.
 */
export async function readDbf(fileName: string, blob: Blob, options: ParseOptions, readText: ReadCsvText): Promise<Result<ReadInfo>> {
  let encoding = options.encoding;
  const deleted = { count: 0 };
  const read = await readTableFile(fileName, blob, options, readText, {
    kind: "dBase table",
    instead: "Open it in LibreOffice or a GIS, save it as CSV, and stage that.",
    csv(bytes) {
      const table = dbfTable(bytes);
      if (encoding === "utf-8") encoding = dbfEncoding(bytes, table);
      return dbfCsv(bytes, table, new TextDecoder(encoding), deleted);
    },
  });
  return read.ok ? ok({ ...read.value, parse: { ...(read.value.parse ?? options), encoding }, ...(deleted.count ? { deletedRecords: deleted.count } : {}) }) : read;
}
