import type { Table, Vector } from "apache-arrow";

/**
 * An Arrow result whose columns were all cast to VARCHAR in SQL, as
 * column-major arrays of text or null: the compact form rows cross the worker
 * boundary in.
 */
export function textColumns(table: Table): (string | null)[][] {
  return Array.from({ length: table.numCols }, (_, c) => textColumn(table.getChildAt(c), table.numRows));
}

/** One column cast to VARCHAR in SQL, as text or null. */
export function textColumn(vector: Vector | null, rows = vector?.length ?? 0): (string | null)[] {
  const values: (string | null)[] = new Array(rows);
  for (let r = 0; r < rows; r++) {
    const v: unknown = vector?.get(r);
    values[r] = v === null || v === undefined ? null : String(v);
  }
  return values;
}

/** Plain JS objects for small results (summaries, schemas); BigInt becomes number. */
export function plainRows(table: Table): Record<string, unknown>[] {
  return table.toArray().map((row: { toJSON(): Record<string, unknown> }) => {
    const obj = row.toJSON();
    for (const [k, v] of Object.entries(obj)) if (typeof v === "bigint") obj[k] = Number(v);
    return obj;
  });
}
