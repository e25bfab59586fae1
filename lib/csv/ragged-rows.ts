import type { LineRecord } from "./records";
import { isNames } from "./shapes";

/** Said on the staged file. */
export const RAGGED_ROWS = "The header names more columns than some rows fill: those rows are read with their last values empty.";

/**
 * A header that names more columns than the rows below it fill (`id,name,amount,note` over `1,Ada,2.5`): a
 * writer that leaves out a row's trailing empty values, where the last columns are empty in most rows. It is
 * the first record as wide as the rows, and wider; its values are distinct names, not numbers, that read as
 * names over the rows (`namesOver`, given the records' first `width` values); no record below it is wider.
 * Returns its width and the records with the rows below it (those as wide as the table) padded to it, or null.
 */
export function raggedHeader(data: readonly LineRecord[], width: number, namesOver: (names: readonly string[], rows: readonly string[][]) => boolean): { width: number; data: LineRecord[] } | null {
  const at = data.findIndex((r) => r.fields.length >= width);
  const top = data[at];
  if (width < 2 || !top || top.open || top.fields.length <= width) return null;
  const names = top.fields.map((f) => f.trim());
  if (!isNames(names) || new Set(names.map((n) => n.toLowerCase())).size !== names.length) return null;
  const below = data.slice(at + 1);
  const rows = below.filter((r) => r.fields.length >= width);
  // Most lines below are rows (notes and short rows aside), and none is wider than the header.
  if (rows.length < 2 || rows.length * 5 < below.length * 4 || rows.some((r) => r.fields.length > names.length)) return null;
  const values = rows.map((r) => r.fields.slice(0, width));
  if (!namesOver(top.fields.slice(0, width), values)) return null;
  // A line of names right below it is the header, and it a title line with commas in it ("Sales report, Q3 2024, …").
  const [next, ...after] = values;
  if (next && isNames(next) && namesOver(next, after)) return null;
  const pad = (r: LineRecord): LineRecord => (r.fields.length >= width && r.fields.length < names.length ? { ...r, fields: [...r.fields, ...Array<string>(names.length - r.fields.length).fill("")] } : r);
  return { width: names.length, data: [...data.slice(0, at + 1), ...below.map(pad)] };
}
