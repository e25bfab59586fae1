/**
 * The ARIA grid keyboard pattern: what a key does at the active cell (row -1
 * is the header row). Arrows, Page Up/Down, Home/End (with Ctrl: the first or
 * last cell); on a header, Enter sorts, P pins, Shift+arrows resize; on a
 * cell of an editable grid, Enter edits it.
 */
export interface GridKeys {
  page: number;
  /** Column indexes in display order (pinned first). */
  order: number[];
  rowCount: number;
  moveTo: (row: number, col: number) => void;
  resize: (col: number, by: number) => void;
  sortBy: (col: number) => void;
  pin: (col: number) => void;
  /** Start editing a cell (editable grids). */
  edit?: (row: number, col: number) => void;
}

export function keyAction(e: { key: string; shiftKey: boolean; ctrlKey: boolean }, active: { row: number; col: number }, g: GridKeys): (() => void) | undefined {
  const at = g.order.indexOf(active.col);
  const colAt = (i: number) => g.order[Math.max(0, Math.min(i, g.order.length - 1))]!;
  const last = g.order.length - 1;
  const header = active.row < 0;
  const keys: Record<string, () => void> = {
    ArrowDown: () => g.moveTo(active.row + 1, active.col),
    ArrowUp: () => g.moveTo(active.row - 1, active.col),
    ArrowRight: () => (e.shiftKey && header ? g.resize(active.col, 16) : g.moveTo(active.row, colAt(at + 1))),
    ArrowLeft: () => (e.shiftKey && header ? g.resize(active.col, -16) : g.moveTo(active.row, colAt(at - 1))),
    PageDown: () => g.moveTo(active.row + g.page, active.col),
    PageUp: () => g.moveTo(Math.max(0, active.row - g.page), active.col),
    Home: () => (e.ctrlKey ? g.moveTo(0, colAt(0)) : g.moveTo(active.row, colAt(0))),
    End: () => (e.ctrlKey ? g.moveTo(g.rowCount - 1, colAt(last)) : g.moveTo(active.row, colAt(last))),
    Enter: () => (header ? g.sortBy(active.col) : g.edit?.(active.row, active.col)),
    p: () => header && g.pin(active.col),
  };
  return keys[e.key];
}
