import { fileStem } from "@/lib/datasets/name";
import type { DerivedFile } from "@/lib/engine/api";
import { fail, ok, type Result } from "@/lib/result";
import type { StagesDb } from "@/browser/staging-db";
import { dataTable, htmlTables, tableName } from "@/lib/staging/html-table";
import { stagedBytes, type StagedFile } from "@/lib/staging/staged-file";
import { cellText } from "@/lib/xlsx/cell-text";
import { sheetCsvLines, sheetRows } from "./sheet";
import { dataTables, openDatabase, tableCsv } from "./sqlite";
import { xportMemberFile, xportMembers } from "@/lib/sas/xport";
import { unreadableReason } from "@/lib/format-error";
import { utf8Blob } from "./text";
import { workbookSheets } from "./workbook-parts";

/**
 * A staged workbook's other sheets (a sheet a month, a table a sheet), or a web page's or a database's other tables, each as a
 * file of its own to stage: its rows as the CSV text a sheet or a table is read as (sheet.ts), named after the
 * file and the sheet or table. The one read, hidden sheets (a drop-down's lists) and those with no value are left out.
 */
export async function otherSheetFiles(db: StagesDb, fileId: string): Promise<Result<DerivedFile[]>> {
  const [meta, stored] = await Promise.all([db.files.get(fileId), db.blobs.get(fileId)]);
  if (!meta || !stored) return fail({ message: "This file is no longer in the staging area." });
  const blob = stagedBytes(stored);
  if (meta.parse.format === "html") {
    const tables = htmlTables(await (await utf8Blob(blob, meta.parse.gzip, meta.parse.encoding)).text());
    const read = meta.parse.sheet ?? tableName(dataTable(tables));
    return ok(tables.flatMap((rows, i) => (tableName(i) === read ? [] : derived(meta, tableName(i), `table ${i + 1}`, rows))));
  }
  if (meta.parse.format === "sqlite") return otherTableFiles(meta, new Uint8Array(await blob.arrayBuffer()));
  if (meta.parse.format === "xpt") return otherDatasetFiles(meta, new Uint8Array(await blob.arrayBuffer()));
  if (meta.parse.format !== "xlsx") return fail({ file: meta.name, message: "Only a workbook, a web page, a database or a SAS transport library has other sheets, tables or datasets to stage." });
  const bytes = new Uint8Array(await blob.arrayBuffer());
  const { names, hidden } = workbookSheets(bytes);
  const read = meta.parse.sheet ?? names.find((name) => !hidden.includes(name));
  const files: DerivedFile[] = [];
  for (const name of names.filter((n) => n !== read && !hidden.includes(n))) {
    const rows = await sheetRows(meta.name, bytes, name);
    if (!rows.ok) return rows;
    files.push(...derived(meta, `sheet “${name}”`, name, rows.value.map((row) => row.map(cellText))));
  }
  return ok(files);
}

/** A database's other tables, SQLite's own and those it cannot read left out. */
function otherTableFiles(meta: StagedFile, bytes: Uint8Array): Result<DerivedFile[]> {
  const db = openDatabase(meta.name, bytes);
  if (!db.ok) return db;
  const tables = dataTables(meta.name, db.value);
  if (!tables.ok) return tables;
  const files: DerivedFile[] = [];
  for (const table of tables.value.filter((t) => t.name !== meta.parse.sheet)) {
    const text = tableCsv(meta.name, db.value, table);
    if (!text.ok) return text;
    files.push({ blob: text.value, fileName: derivedName(meta, table.name), derivedFrom: { name: meta.name, sha256: meta.sha256, part: `table “${table.name}”` } });
  }
  return ok(files);
}

/** A SAS transport library's other datasets, each as a library of its own (typed as the file types it, not as CSV text). */
function otherDatasetFiles(meta: StagedFile, bytes: Uint8Array): Result<DerivedFile[]> {
  try {
    const members = xportMembers(bytes);
    const names = members.map((m) => m.name);
    const read = meta.parse.sheet ?? names[0];
    return ok(
      names
        .filter((name) => name !== read)
        .map((name) => ({ blob: new Blob([xportMemberFile(bytes, name, members)]), fileName: `${fileStem(meta.name)}-${name.replace(/[^\w.-]+/g, "_")}.xpt`, derivedFrom: { name: meta.name, sha256: meta.sha256, part: `dataset “${name}”` } })),
    );
  } catch (error) {
    return fail({ file: meta.name, message: `This SAS transport file cannot be read: ${unreadableReason(error)}.` });
  }
}

/** A sheet's or table's cells as a CSV file named after the file and `suffix`, or none when no cell has a value. */
function derived(meta: StagedFile, part: string, suffix: string, cells: (string | null)[][]): DerivedFile[] {
  const { texts, lines } = sheetCsvLines(cells);
  if (texts.every((row) => row.every((v) => v === null || v === ""))) return [];
  return [{ blob: new Blob(lines, { type: "text/csv" }), fileName: derivedName(meta, suffix), derivedFrom: { name: meta.name, sha256: meta.sha256, part } }];
}

const derivedName = (meta: StagedFile, suffix: string) => `${fileStem(meta.name)}-${suffix.replaceAll(" ", "-")}.csv`;
