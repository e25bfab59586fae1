import { fileStem } from "@/lib/datasets/name";
import type { DerivedFile } from "@/lib/engine/api";
import { fail, ok, type Result } from "@/lib/result";
import type { StagesDb } from "@/browser/staging-db";
import { stagedBytes } from "@/lib/staging/staged-file";
import { cellText } from "@/lib/xlsx/cell-text";
import { sheetCsvLines, sheetRows } from "./sheet";
import { workbookSheets } from "./workbook-parts";

/**
 * A staged workbook's other sheets (a sheet a month, a table a sheet), each as a file of its own to stage: its
 * rows as the CSV text the sheet is read as (sheet.ts), named after the workbook and the sheet. The sheet read,
 * hidden sheets (a drop-down's lists) and sheets with no value are left out.
 */
export async function otherSheetFiles(db: StagesDb, fileId: string): Promise<Result<DerivedFile[]>> {
  const [meta, stored] = await Promise.all([db.files.get(fileId), db.blobs.get(fileId)]);
  if (!meta || !stored) return fail({ message: "This file is no longer in the staging area." });
  if (meta.parse.format !== "xlsx") return fail({ file: meta.name, message: "Only a workbook has sheets to stage." });
  const bytes = new Uint8Array(await stagedBytes(stored).arrayBuffer());
  const { names, hidden } = workbookSheets(bytes);
  const read = meta.parse.sheet ?? names.find((name) => !hidden.includes(name));
  const files: DerivedFile[] = [];
  for (const name of names.filter((n) => n !== read && !hidden.includes(n))) {
    const rows = await sheetRows(meta.name, bytes, name);
    if (!rows.ok) return rows;
    const { texts, lines } = sheetCsvLines(rows.value.map((row) => row.map(cellText)));
    if (texts.every((row) => row.every((v) => v === null || v === ""))) continue;
    const derivedFrom = { name: meta.name, sha256: meta.sha256, part: `sheet “${name}”` };
    files.push({ blob: new Blob(lines, { type: "text/csv" }), fileName: `${fileStem(meta.name)}-${name}.csv`, derivedFrom });
  }
  return ok(files);
}
