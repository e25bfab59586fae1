import { bulkFixSql, type BulkFix, type FixScope } from "@/lib/recipe/bulk-fix";
import type { CellEdit } from "@/lib/recipe/edits";
import { fail, ok, type Result } from "@/lib/result";
import { literal } from "@/lib/sql/quote";
import type { StagesDb } from "@/browser/staging-db";
import { plainRows } from "./arrow-text";
import { withConnection } from "./duckdb";
import { runLong } from "./query";
import { ensureTable, resultNames, tableName } from "./tables";

export interface FixPreview {
  /** How many cells the fix changes (all of them, though `edits` stops at MAX_FIX_CELLS). */
  count: number;
  edits: Omit<CellEdit, "at">[];
}

/** The cells of one column a fix would change, over the staged rows with the recipe's edits in force (lib/recipe/bulk-fix.ts). */
export async function previewFix(db: StagesDb, fileId: string, column: string, fix: BulkFix, scope: FixScope, edits: CellEdit[]): Promise<Result<FixPreview>> {
  const source = { kind: "staged", fileId } as const;
  const info = await ensureTable(db, source);
  if (!info.ok) return info;
  const target = info.value.columns.find((c) => c.name === column);
  if (!target) return fail({ message: `There is no column "${column}".` });
  const { checks } = resultNames(fileId);
  const rows = await withConnection(async (conn) => {
    const [found] = plainRows(await conn.query(`SELECT count(*)::INT AS n FROM duckdb_tables() WHERE table_name = ${literal(checks)}`));
    if (scope === "failing" && !found?.n) return null;
    return plainRows(await runLong(conn, bulkFixSql(tableName(source), info.value.columns, target, fix, scope, found?.n ? checks : null, edits)));
  });
  if (!rows) return fail({ message: "Run the recipe first: its checks tell which cells fail a rule." });
  return ok({
    count: Number(rows[0]?.n ?? 0),
    edits: rows.map((r) => ({ row: Number(r.row), column, from: (r.from as string | null) ?? null, to: (r.to as string | null) ?? null })),
  });
}
