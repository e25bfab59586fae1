import { codeColumns, leadingZeroAggregates, shortValueSql } from "@/lib/csv/leading-zeros";
import { csvReadCall, type CsvReadPlan } from "@/lib/csv/read-sql";
import type { Dialect } from "@/lib/csv/records";
import { ident } from "@/lib/sql/quote";
import type { CsvEngine } from "./engine";
import type { Column } from "./mend";

/**
 * The whole-number columns of the staged table that dropped a leading zero
 * (lib/csv/leading-zeros.ts), each with a value as the file writes it. A
 * scan of the candidate columns in the table first; the body is read again
 * (those columns as text) only when one holds a number shorter than its
 * codes.
 */
export async function findLeadingZeros(
  engine: CsvEngine,
  table: string,
  columns: readonly Column[],
  from: { lines: readonly string[]; dialect: Dialect; types: Record<string, string>; body: Blob; plan: CsvReadPlan },
): Promise<Record<string, string>> {
  const codes = codeColumns(from.lines, from.dialect, columns).filter((c) => !(c.name in from.types));
  if (codes.length === 0) return {};
  const short = new Set<unknown>();
  for (const sql of shortValueSql(table, codes)) for (const row of await engine.rows(sql)) short.add(row.name);
  const suspects = codes.filter((c) => short.has(c.name)).map((c) => c.name);
  if (suspects.length === 0) return {};
  const plan = {
    ...from.plan,
    path: `${from.plan.path}.zeros`,
    rejects: `${from.plan.rejects}_zeros`,
    types: { ...from.plan.types, ...Object.fromEntries(suspects.map((name) => [name, "VARCHAR"])) },
  };
  await engine.register(plan.path, from.body);
  try {
    const [found = {}] = await engine.rows(`SELECT ${leadingZeroAggregates(suspects, "z").join(", ")} FROM ${csvReadCall(plan)}`);
    return Object.fromEntries(suspects.flatMap((name, i) => (typeof found[`z${i}`] === "string" ? [[name, found[`z${i}`] as string]] : [])));
  } finally {
    await engine.unregister(plan.path).catch(() => undefined);
    await engine.rows(`DROP TABLE IF EXISTS ${ident(plan.rejects)}`);
    await engine.rows(`DROP TABLE IF EXISTS ${ident(`${plan.rejects}_scan`)}`);
  }
}
