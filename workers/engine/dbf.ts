import { dbfCsv, dbfEncoding, dbfTable, memoFields } from "@/lib/dbf/table";
import { memoKind } from "@/lib/dbf/memo";
import { shapeGeometries, ShpError } from "@/lib/dbf/shp";
import { unreadableReason } from "@/lib/format-error";
import { fail, ok, type Result } from "@/lib/result";
import type { ParseOptions } from "@/lib/staging/parse-options";
import type { CompanionKind } from "@/lib/staging/staged-file";
import type { ReadInfo } from "./read-info";
import { readTableText, type ReadCsvText } from "./sheet";

/**
 * A dBase table (.dbf) read as a database's table is (sheet.ts): its records as CSV text, deleted ones left out and
 * counted, its memo fields' text from the memo file added with it (lib/dbf/memo.ts), a shapefile's geometries
 * from its .shp added with it as well-known text (lib/dbf/shp.ts). Its text is read in the encoding chosen, else found (lib/dbf/table.ts), which is recorded.
 */
export async function readDbf(fileName: string, blob: Blob, options: ParseOptions, readText: ReadCsvText, companions: { kind: CompanionKind; name: string; blob: Blob }[]): Promise<Result<ReadInfo>> {
  const bytes = new Uint8Array(await blob.arrayBuffer());
  const memoFile = companions.find((c) => c.kind === "memo");
  const kind = memoFile ? memoKind(memoFile.name) : null;
  const memo = memoFile && kind ? { kind, bytes: new Uint8Array(await memoFile.blob.arrayBuffer()) } : undefined;
  let encoding = options.encoding;
  const deleted = { count: 0 };
  const shp = companions.find((c) => c.kind === "shp");
  let text: Blob;
  let memos: string[];
  let geometryUnread: string | undefined;
  try {
    const table = dbfTable(bytes);
    memos = memoFields(bytes, table, memo !== undefined);
    if (encoding === "utf-8") encoding = dbfEncoding(bytes, table);
    // A shapefile's geometry that cannot be read leaves the attributes to stage without it, which the file says.
    const shapes = shp ? await geometriesOf(shp, table.records).catch((error: unknown) => ((geometryUnread = `${shp.name}: ${unreadableReason(error)}`), undefined)) : undefined;
    text = new Blob([...dbfCsv(bytes, table, new TextDecoder(encoding), deleted, memo, shapes)], { type: "text/csv" });
  } catch (error) {
    return fail({ file: fileName, message: `This dBase table cannot be read: ${unreadableReason(error)}. Open it in LibreOffice or a GIS, save it as CSV, and stage that.` });
  }
  const read = await readTableText(text, { ...options, headerRow: 1 }, readText);
  return read.ok ? ok({ ...read.value, parse: { ...(read.value.parse ?? options), encoding }, ...(deleted.count ? { deletedRecords: deleted.count } : {}), ...(memos.length ? { memoFields: memos } : {}), ...(geometryUnread ? { geometryUnread } : {}) }) : read;
}

/** A shapefile's geometries as well-known text, one per record of its table. */
async function geometriesOf(shp: { blob: Blob }, records: number): Promise<(string | null)[]> {
  const shapes = shapeGeometries(new Uint8Array(await shp.blob.arrayBuffer()));
  if (shapes.length !== records) throw new ShpError(`it holds ${shapes.length} shapes for the table's ${records} records`);
  return shapes;
}
