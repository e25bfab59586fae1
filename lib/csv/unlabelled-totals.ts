import { isNumberLike } from "./shapes";

/**
 * A totals row with no label, as Google Analytics writes one below its rows (",405"): its first value is
 * empty and the rest are numbers. Read as a row, it counts every row twice in any sum. It is told from a row
 * whose label is missing by where it is or by what it holds: set apart from the rows by a blank line, or,
 * when the whole table was read (`above`), a number (not 0) that is its column's sum over the rows above it.
 */
export function isUnlabelledTotals(fields: readonly string[], width: number, apart: boolean, above: () => readonly (readonly string[])[] | null): boolean {
  if (!isNumbersWithoutLabel(fields, width)) return false;
  if (apart) return true;
  const values = fields.slice(1).map((f, i) => ({ f: f.trim(), c: i + 1 })).filter(({ f }) => f !== "");
  const rows = above()?.filter((r) => r.length === width && r[0]!.trim() !== "") ?? [];
  if (rows.length < 2) return false;
  return values.some(({ f, c }) => {
    const total = amount(f);
    const sum = rows.reduce((s, r) => s + amount(r[c]!), 0);
    return Number.isFinite(total) && total !== 0 && Math.abs(sum - total) <= 0.005 + 1e-9 * Math.abs(total);
  });
}

/** A line of the table's width whose first value is empty and whose others, one at least, are numbers. */
export function isNumbersWithoutLabel(fields: readonly string[], width: number): boolean {
  if (width < 2 || fields.length !== width || fields[0]!.trim() !== "") return false;
  const values = fields.slice(1).filter((f) => f.trim() !== "");
  return values.length > 0 && values.every(isNumberLike);
}

/** A number as written with a point for decimals, its currency sign, spaces and thousands commas aside; NaN otherwise (an empty value is 0). */
function amount(value: string): number {
  const t = value.trim().replace(/[$€£¥\s]/g, "").replace(/,(?=\d{3}(\D|$))/g, "");
  return t === "" ? 0 : /^[-+]?(\d+\.?\d*|\.\d+)$/.test(t) ? Number(t) : NaN;
}
