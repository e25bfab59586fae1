import writeExcelFile from "write-excel-file/universal";
import type { ExportedFile } from "@/lib/engine/api";
import { failedTextSql } from "@/lib/recipe/checks";
import { LINE } from "@/lib/recipe/rules";
import { REJECT_LINE } from "@/lib/recipe/pipeline";
import { fail, ok, type Result } from "@/lib/result";
import { ident, literal } from "@/lib/sql/quote";
import { MAX_SHEET_ROWS, rejectedSheet } from "@/lib/xlsx/rejected-sheet";
import type { StagesDb } from "@/browser/staging-db";
import { textColumns } from "./arrow-text";
import { withConnection } from "./duckdb";
import { checksOfLastRun, ensureTable, resultNames, textSelectList } from "./tables";

/**
 * The last run's rejected rows as an Excel workbook: the cells a rejecting
 * rule failed on are filled (from the run's checks, matched by source line),
 * the reasons are the last column. Built in memory: a sheet holds at most
 * about a million rows, and rejected rows are a file's few.
 */
export async function rejectedWorkbook(db: StagesDb, fileId: string, fileName: string): Promise<Result<ExportedFile>> {
  const info = await ensureTable(db, { kind: "result", fileId, part: "rejected", runId: "" });
  if (!info.ok) return info;
  if (info.value.rowCount > MAX_SHEET_ROWS) {
    return fail({ message: `${info.value.rowCount} rejected rows do not fit in one Excel sheet (${MAX_SHEET_ROWS} at most): download them as CSV.` });
  }
  const { rejected } = resultNames(fileId);
  const { columns } = info.value;
  const checks = await checksOfLastRun(fileId);
  const table = await withConnection(async (conn) => {
    const failing = checks
      ? `(SELECT ${failedTextSql(checks.flags.filter((f) => f.rule.severity === "reject"), "c", (rule) => literal("column" in rule ? rule.column : "*"), "chr(31)")} FROM ${ident(checks.table)} AS c WHERE c.${LINE} = r.${REJECT_LINE})`
      : "NULL";
    return conn.query(`SELECT ${textSelectList(columns)}, ${failing} AS _stages_failing FROM ${ident(rejected)} AS r ORDER BY r.${REJECT_LINE}`);
  });
  const data = textColumns(table);
  const failing = (data.pop() ?? []).map((text) => (text ? text.split("\u001f") : []));
  const rows = Array.from({ length: table.numRows }, (_, r) => data.map((column) => column[r] ?? null));
  const blob = await writeExcelFile(rejectedSheet(columns.map((c) => c.name), rows, failing)).toBlob();
  return ok({ fileName, blob });
}
