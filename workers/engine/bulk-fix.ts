import { bulkFixSql, type BulkFix, type FixRows, type FixScope } from "@/lib/recipe/bulk-fix";
import { SOURCE_ROW } from "@/lib/grid/issues";
import { viewSql, type GridView } from "@/lib/grid/view";
import type { FixPreview } from "@/lib/engine/api";
import type { CellEdit } from "@/lib/recipe/edits";
import { fail, ok, type Result } from "@/lib/result";
import type { StagesDb } from "@/browser/staging-db";
import { plainRows } from "./arrow-text";
import { withConnection } from "./duckdb";
import { runLong } from "./query";
import { checksOfLastRun, ensureTable, tableName } from "./tables";

/** The cells of one column a fix would change, over the staged rows with the recipe's edits in force (lib/recipe/bulk-fix.ts). */
export async function previewFix(db: StagesDb, fileId: string, column: string, fix: BulkFix, scope: FixScope, edits: CellEdit[], view?: GridView): Promise<Result<FixPreview>> {
  const source = { kind: "staged", fileId } as const;
  const info = await ensureTable(db, source);
  if (!info.ok) return info;
  const target = info.value.columns.find((c) => c.name === column);
  if (!target) return fail({ message: `There is no column "${column}".` });
  const checks = await checksOfLastRun(fileId);
  let within: FixRows = "all";
  if (scope === "failing") {
    if (!checks) return fail({ message: "Run the recipe first: its checks tell which cells fail a rule." });
    within = { checks };
  }
  if (scope === "shown") {
    // The rows the staged grid shows: its view's query, by the staged row id each row carries.
    const shown = view ? viewSql(tableName(source), info.value.columns, view, { checks: checks ?? undefined, rowIds: true }) : { error: "The staged grid's view is needed." };
    if ("error" in shown) return fail({ message: shown.error });
    within = { rowIds: `SELECT ${SOURCE_ROW} FROM (${shown.sql})` };
  }
  const rows = await withConnection(async (conn) => plainRows(await runLong(conn, bulkFixSql(tableName(source), info.value.columns, target, fix, within, edits))));
  return ok({
    count: Number(rows[0]?.n ?? 0),
    edits: rows.map((r) => ({ row: Number(r.row), column, from: (r.from as string | null) ?? null, to: (r.to as string | null) ?? null })),
  });
}
