import type { Column } from "@/lib/datasets/manifest";
import { editValue, type CellEdit } from "@/lib/recipe/edits";

/** The most cells one paste edits: more is a fix for a step or a bulk fix, not for cells one by one. */
export const MAX_PASTED_CELLS = 1_000;

/**
 * Cells copied from a spreadsheet, as its tab-separated text: rows by line, cells by tab, a cell in double quotes
 * holding tabs, line breaks or quotes of its own (`"two""\nlines"`). The line break ending the last row is no row.
 */
export function pastedCells(text: string): string[][] {
  const rows: string[][] = [[]];
  let cell = "";
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === '"' && cell === "" && text.indexOf('"', i + 1) > i) {
      let j = i + 1;
      for (; j < text.length; j++) {
        if (text[j] === '"' && text[j + 1] === '"') (cell += '"'), j++;
        else if (text[j] === '"') break;
        else cell += text[j];
      }
      i = j;
    } else if (ch === "\t") {
      rows.at(-1)!.push(cell);
      cell = "";
    } else if (ch === "\n" || ch === "\r") {
      if (ch === "\r" && text[i + 1] === "\n") i++;
      rows.at(-1)!.push(cell);
      cell = "";
      rows.push([]);
    } else cell += ch;
  }
  if (cell !== "" || rows.at(-1)!.length > 0) rows.at(-1)!.push(cell);
  else rows.pop();
  return rows;
}

/** The grid a block is pasted into: its columns in the order shown, and each row's values and staged row id where loaded. */
export interface PasteTarget {
  columns: readonly Column[];
  /** Column indexes in the order shown, from the active cell's column on. */
  order: readonly number[];
  rowCount: number;
  /** A cell's value as shown (null for null), or undefined where the row is not loaded. */
  shown: (row: number, col: number) => string | null | undefined;
  rowId: (row: number) => number;
  /** The columns that can be edited, when not all. */
  editable?: readonly string[];
}

/**
 * The edits a block of pasted cells makes from the active cell down and to the right (in the order the columns are
 * shown), each value checked against its column's type; a cell that already holds the value makes none. Refused
 * whole, with where and why, when a value does not fit, when the block runs past the last row or column, past the rows
 * the grid has loaded, or over a column that cannot be edited.
 */
export function blockEdits(cells: readonly string[][], at: { row: number; col: number }, target: PasteTarget): { edits: Omit<CellEdit, "at">[] } | { problem: string } {
  const width = Math.max(...cells.map((r) => r.length));
  const start = target.order.indexOf(at.col);
  if (cells.length * width > MAX_PASTED_CELLS) return { problem: `A paste edits at most ${MAX_PASTED_CELLS.toLocaleString("en")} cells; this one holds ${(cells.length * width).toLocaleString("en")}. Fix that many values with a step or Fix many cells.` };
  if (at.row + cells.length > target.rowCount) return { problem: `The pasted ${cells.length} rows run past the last row: paste them higher up.` };
  if (start < 0 || start + width > target.order.length) return { problem: `The pasted ${width} columns run past the last column: paste them further left.` };
  const edits: Omit<CellEdit, "at">[] = [];
  for (const [r, values] of cells.entries()) {
    const row = at.row + r;
    for (const [c, text] of values.entries()) {
      const col = target.order[start + c]!;
      const column = target.columns[col]!;
      if (target.editable && !target.editable.includes(column.name)) return { problem: `${column.name} cannot be edited here.` };
      const from = target.shown(row, col);
      if (from === undefined) return { problem: `Row ${(row + 1).toLocaleString("en")} is not loaded yet: paste fewer rows at a time.` };
      const typed = editValue(text, column.type);
      if ("problem" in typed) return { problem: `Row ${(row + 1).toLocaleString("en")}, ${column.name}: ${typed.problem}` };
      if (typed.value !== from) edits.push({ row: target.rowId(row) + 1, column: column.name, from, to: typed.value });
    }
  }
  return { edits };
}
