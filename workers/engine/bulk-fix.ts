import { bulkFixSql, type BulkFix, type FixScope } from "@/lib/recipe/bulk-fix";
import type { FixPreview } from "@/lib/engine/api";
import type { CellEdit } from "@/lib/recipe/edits";
import { fail, ok, type Result } from "@/lib/result";
import type { StagesDb } from "@/browser/staging-db";
import { plainRows } from "./arrow-text";
import { withConnection } from "./duckdb";
import { runLong } from "./query";
import { checksOfLastRun, ensureTable, tableName } from "./tables";

/** The cells of one column a fix would change, over the staged rows with the recipe's edits in force (lib/recipe/bulk-fix.ts). */
export async function previewFix(db: StagesDb, fileId: string, column: string, fix: BulkFix, scope: FixScope, edits: CellEdit[]): Promise<Result<FixPreview>> {
  const source = { kind: "staged", fileId } as const;
  const info = await ensureTable(db, source);
  if (!info.ok) return info;
  const target = info.value.columns.find((c) => c.name === column);
  if (!target) return fail({ message: `There is no column "${column}".` });
  const checks = await checksOfLastRun(fileId);
  if (scope === "failing" && !checks) return fail({ message: "Run the recipe first: its checks tell which cells fail a rule." });
  const rows = await withConnection(async (conn) => plainRows(await runLong(conn, bulkFixSql(tableName(source), info.value.columns, target, fix, scope, checks, edits))));
  return ok({
    count: Number(rows[0]?.n ?? 0),
    edits: rows.map((r) => ({ row: Number(r.row), column, from: (r.from as string | null) ?? null, to: (r.to as string | null) ?? null })),
  });
}
