import type { ExportedFile } from "@/lib/engine/api";
import { ruleCountsSql } from "@/lib/recipe/checks";
import { ERRORS, LINE } from "@/lib/recipe/rules";
import { fail, ok, type Result } from "@/lib/result";
import { ident } from "@/lib/sql/quote";
import { frictionlessReport, type FailedCheck } from "@/lib/standards/frictionless-report";
import type { StagesDb } from "@/browser/staging-db";
import { plainRows } from "./arrow-text";
import { withConnection } from "./duckdb";
import { runLong } from "./query";
import { checksOfLastRun, ensureTable, resultNames } from "./tables";

/** As many errors as a Frictionless report lists by default; the counts cover them all. */
const LISTED = 1000;

/**
 * The last run's checks of a staged file as a Frictionless validation report
 * (lib/standards/frictionless-report.ts): every rule each row broke, read
 * from the checked rows (the edits in force), in line order.
 */
export async function validationReport(db: StagesDb, fileId: string, fileName: string): Promise<Result<ExportedFile>> {
  const [file, info, checks] = await Promise.all([db.files.get(fileId), ensureTable(db, { kind: "staged", fileId }), checksOfLastRun(fileId)]);
  if (!info.ok) return info;
  if (!file || !checks) return fail({ message: "Run the recipe first: the report is its checks." });
  const kinds = new Map(checks.flags.map((f) => [f.rule.id, f.rule.kind]));
  const validated = ident(resultNames(fileId).validated);
  const failed = `(SELECT ${LINE} AS line, unnest(${ERRORS}) AS e FROM ${validated} WHERE len(${ERRORS}) > 0)`;
  const [rows, counts] = await withConnection(async (conn) => [
    plainRows(await runLong(conn, `SELECT line, e.rule AS rule, e.col AS "column", e.severity AS severity, e.message AS message, e.value AS value FROM ${failed} ORDER BY line, rule LIMIT ${2 * LISTED}`)),
    // The counts come from the flags alone (one pass, no list of errors built).
    plainRows(await runLong(conn, ruleCountsSql(checks.table, checks.flags))),
  ]);
  const total = (severity: string) => counts.filter((c) => c.severity === severity).reduce((n, c) => n + Number(c.n), 0);
  const failedChecks: FailedCheck[] = rows.map((r) => ({
    line: Number(r.line),
    rule: String(r.rule),
    kind: kinds.get(String(r.rule)) ?? "expression",
    column: (r.column as string | null) ?? null,
    severity: r.severity === "warn" ? "warn" : "reject",
    message: String(r.message),
    value: (r.value as string | null) ?? null,
  }));
  const report = frictionlessReport({
    name: file.sqlName || "data",
    place: file.name,
    columns: info.value.columns.map((c) => c.name),
    rows: info.value.rowCount,
    checks: failedChecks,
    total: { errors: total("reject"), warnings: total("warn") },
    sha256: file.sha256,
    bytes: file.size,
    limit: LISTED,
  });
  return ok({ fileName, blob: new Blob([`${JSON.stringify(report, null, 2)}\n`], { type: "application/json" }) });
}
