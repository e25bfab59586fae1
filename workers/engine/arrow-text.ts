import type { Table } from "apache-arrow";

/**
 * An Arrow result whose columns were all cast to VARCHAR in SQL, as
 * column-major arrays of text or null: the compact form rows cross the worker
 * boundary in.
 */
export function textColumns(table: Table): (string | null)[][] {
  const out: (string | null)[][] = [];
  for (let c = 0; c < table.numCols; c++) {
    const vector = table.getChildAt(c);
    const values: (string | null)[] = new Array(table.numRows);
    for (let r = 0; r < table.numRows; r++) {
      const v: unknown = vector?.get(r);
      values[r] = v === null || v === undefined ? null : String(v);
    }
    out.push(values);
  }
  return out;
}

/** Plain JS objects for small results (summaries, schemas); BigInt becomes number. */
export function plainRows(table: Table): Record<string, unknown>[] {
  return table.toArray().map((row: { toJSON(): Record<string, unknown> }) => {
    const obj = row.toJSON();
    for (const [k, v] of Object.entries(obj)) if (typeof v === "bigint") obj[k] = Number(v);
    return obj;
  });
}
