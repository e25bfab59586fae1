"use client";

import { useEffect, useId, useLayoutEffect, useMemo, useRef, useState } from "react";
import type { Column } from "@/lib/datasets/manifest";
import type { SourceRef } from "@/lib/engine/api";
import { formatCount } from "@/lib/format";
import { issuesOfCell } from "@/lib/grid/issues";
import { columnWindow, scrollLeftFor } from "@/lib/grid/column-window";
import { rowWindow, scrollTopFor } from "@/lib/grid/window";
import { GridHeader, type Layout } from "./GridHeader";
import { clip, GridRow } from "./GridRow";
import { keyAction } from "./grid-keys";
import { GridToolbar } from "./GridToolbar";
import type { GridView } from "@/lib/grid/view";
import { useGridView } from "./useGridView";
import { useCellEditing, type GridEdits } from "./useCellEditing";
import { useSize } from "./useSize";
import { useSparks } from "./useSparks";
import { usePagedRows } from "./usePagedRows";
import { pastedCells } from "@/lib/grid/paste-block";

interface Props {
  label: string;
  source: SourceRef;
  /** The columns, each with what its file says it is, where it says (shown over its header). */
  columns: (Column & { label?: string })[];
  rowCount: number;
  /**
   * Scroll position shared with another grid, as a share of the scroll range: reported on every scroll,
   * and followed while `share` is given (without it the grid only reports, so that following starts where it is).
   */
  sync?: { share?: number; onScroll: (share: number) => void };
  /** The grid's height, as CSS (the layout decides); its rows are windowed to what it measures. */
  height?: string;
  /** Cells edited in place (a staged grid): shown over the data; Enter or a double click edits a cell. */
  edits?: GridEdits;
  /** Draw each column's shape in its header (from the source's profile). */
  sparks?: boolean;
  /** Told the grid's sort and filters, and how many rows they leave, when either changes. */
  onView?: (view: GridView, rowCount: number) => void;
}

const ROW = 30;
const PANEL_CHARS = 10_000;
const HEIGHT = "24rem";
const WIDTH = 168;

/**
 * One grid for every source: an ARIA grid, virtualized (scaled past the
 * browser's height limit), paged from the worker, sortable and filterable,
 * with resizable and pinnable columns and the ARIA grid keyboard pattern.
 * aria-rowcount counts the header row; aria-rowindex is the row's place in
 * the current view.
 */
export function DataGrid({ label, source, columns, rowCount: sourceRows, sync, height = HEIGHT, edits, sparks: drawSparks = false, onView }: Props) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const size = useSize(scrollRef);
  const viewport = size.height - ROW;
  const keysId = useId();
  const sparks = useSparks(drawSparks ? source : null);
  const [scrollTop, setScrollTop] = useState(0);
  const [scrollLeft, setScrollLeft] = useState(0);
  const [active, setActive] = useState({ row: -1, col: 0 });
  const [widths, setWidths] = useState(() => columns.map(() => WIDTH));
  const [pinned, setPinned] = useState<Set<number>>(new Set());
  // Why cells pasted at a cell were refused: said while that cell is the active one.
  const [pasted, setPasted] = useState<{ at: string; problem: string | null } | null>(null);
  const { view, setView, rowCount, ready, error: viewError } = useGridView(source, sourceRows);
  const { ensureRows, cell: stored, issues, rowId, error } = usePagedRows(source, ready ? view : undefined);
  const editing = useCellEditing(edits, columns, rowId, stored);
  const cell = editing.shown;
  useEffect(() => {
    if (ready) onView?.(view, rowCount);
  }, [onView, view, rowCount, ready]);
  const win = rowWindow({ scrollTop, viewportHeight: viewport, rowHeight: ROW, rowCount });

  useEffect(() => {
    if (win.count > 0) ensureRows(win.first, win.first + win.count - 1);
  }, [win.first, win.count, ensureRows]);

  const layout = useMemo<Layout>(() => {
    const order = [...columns.keys()].sort((a, b) => Number(pinned.has(b)) - Number(pinned.has(a)) || a - b);
    const sized = columns.map((_, i) => widths[i] ?? WIDTH);
    const left = new Map<number, number>();
    let x = 0;
    for (const i of order) if (pinned.has(i)) (left.set(i, x), (x += sized[i]!));
    return { order, widths: sized, pinned, left };
  }, [columns, pinned, widths]);
  const cols = columnWindow(layout, scrollLeft, size.width);

  // The shared position is followed when it (or this grid's length) changes, not at every render of the parent, and
  // not while a scroll of the grid's own has yet to send its event (Ctrl+Home, the user's wheel): that scroll is newer,
  // and its event tells the other grid. Where the grid moved to in following is not reported back: that event can
  // come after the user's own scroll of the other grid, and would put both back where the user left.
  const share = sync?.share;
  const seenAt = useRef(0);
  const followedTo = useRef<number | null>(null);
  useEffect(() => {
    const el = scrollRef.current;
    if (share === undefined || !el || el.scrollTop !== seenAt.current) return;
    const range = el.scrollHeight - el.clientHeight;
    if (range > 0 && Math.abs(el.scrollTop / range - share) > 0.001) {
      el.scrollTop = share * range;
      followedTo.current = seenAt.current = el.scrollTop;
    }
  }, [share, rowCount]);

  // Keyboard focus follows the active cell, even when the cell that had it was scrolled out of the DOM.
  const keyboard = useRef(false);
  const focusKey = `${active.row}:${active.col}`;
  const colsKey = `${cols.shown[0]}:${cols.shown.length}:${cols.before}`;
  // While a cell is edited its input holds the focus; when the edit ends, the cell gets it back.
  const notEditing = editing.editing === null;
  useLayoutEffect(() => {
    const el = scrollRef.current?.querySelector<HTMLElement>(`[data-cell="${focusKey}"]`);
    if (el && keyboard.current && notEditing) el.focus({ preventScroll: true });
  }, [focusKey, win.first, colsKey, notEditing]);

  function moveTo(row: number, col: number) {
    const r = Math.max(-1, Math.min(row, rowCount - 1));
    const c = Math.max(0, Math.min(col, columns.length - 1));
    setActive({ row: r, col: c });
    const el = scrollRef.current;
    if (!el) return;
    const left = scrollLeftFor(c, layout, el.scrollLeft, el.clientWidth);
    if (left !== null) el.scrollLeft = left;
    if (r < 0) return;
    const visible = Math.floor(viewport / ROW) - 1;
    if (r < win.first || r > win.first + visible - 1) {
      el.scrollTop = scrollTopFor(r < win.first ? r : r - visible + 1, { viewportHeight: viewport, rowHeight: ROW, rowCount });
    }
  }

  function onKeyDown(e: React.KeyboardEvent) {
    const action = keyAction(e, active, {
      page: Math.floor(viewport / ROW) - 1,
      order: layout.order,
      rowCount,
      moveTo,
      resize,
      sortBy: (col) => sortBy(columns[col]!.name),
      pin,
      edit: editing.start,
    });
    if (action) {
      e.preventDefault();
      keyboard.current = true;
      action();
    }
  }

  /**
   * One value pasted on an editable cell opens it holding that value; cells copied from a spreadsheet, pasted as a
   * block from it, are edits at once or refused with the reason (a paste in the cell's editor is the editor's own).
   */
  function onPaste(e: React.ClipboardEvent) {
    if (editing.editing || active.row < 0 || !editing.start) return;
    e.preventDefault();
    const cells = pastedCells(e.clipboardData.getData("text/plain"));
    if (cells.length === 1 && cells[0]!.length === 1) return editing.start(active.row, active.col, cells[0]![0]);
    if (cells.length > 0) setPasted({ at: focusKey, problem: editing.pasteBlock(active.row, active.col, cells, layout.order, rowCount) });
  }

  /** Ctrl+C copies the active cell's value (empty for null), or a header's column name; text selected with the pointer copies as it is. */
  function onCopy(e: React.ClipboardEvent) {
    if (editing.editing || !window.getSelection()?.isCollapsed) return;
    const text = active.row < 0 ? columns[active.col]?.name : cell(active.row, active.col);
    if (text === undefined) return;
    e.preventDefault();
    e.clipboardData.setData("text/plain", text ?? "");
  }

  const sortBy = (name: string) =>
    setView({ ...view, sort: view.sort?.column !== name ? { column: name, descending: false } : view.sort.descending ? undefined : { column: name, descending: true } });
  const pin = (i: number) => setPinned((p) => (p.has(i) ? new Set([...p].filter((x) => x !== i)) : new Set(p).add(i)));
  const setWidth = (i: number, width: number) => setWidths(layout.widths.map((x, j) => (j === i ? Math.max(60, width) : x)));
  const resize = (i: number, by: number) => setWidth(i, layout.widths[i]! + by);
  const total = layout.widths.reduce((n, w) => n + w, 0);
  const activeValue = active.row >= 0 ? cell(active.row, active.col) : undefined;
  const activeIssues = active.row >= 0 ? issuesOfCell(issues(active.row), columns[active.col]!.name).map((x) => ` — ${x.severity === "warn" ? "warning" : "error"}: ${x.message}`).join("") : "";
  const activeEdit = active.row >= 0 ? editing.editedAt(active.row, active.col) : undefined;
  const pasteProblem = pasted?.at === focusKey ? pasted.problem : null;

  return (
    <div className="group relative space-y-1">
      <GridToolbar label={label} columns={columns} view={view} setView={setView} checked={source.kind === "staged" && source.checkedBy !== undefined} />
      {(error || viewError) && (
        <p role="alert" className="text-sm text-danger">
          {viewError ?? error}
        </p>
      )}
      {rowCount !== sourceRows && <p className="text-xs text-muted">{formatCount(rowCount)} of {formatCount(sourceRows)} rows match.</p>}
      <div
        ref={scrollRef}
        role="grid"
        aria-label={label}
        aria-describedby={keysId}
        aria-rowcount={rowCount + 1}
        aria-colcount={columns.length}
        onKeyDown={onKeyDown}
        onPaste={onPaste}
        onCopy={onCopy}
        onFocus={() => (keyboard.current = true)}
        onBlur={(e) => {
          if (e.relatedTarget && !e.currentTarget.contains(e.relatedTarget as Node)) keyboard.current = false;
        }}
        onScroll={(e) => {
          const el = e.currentTarget;
          setScrollTop(el.scrollTop);
          setScrollLeft(el.scrollLeft);
          const range = el.scrollHeight - el.clientHeight;
          const followed = followedTo.current === el.scrollTop;
          followedTo.current = null;
          seenAt.current = el.scrollTop;
          if (sync && range > 0 && !followed) sync.onScroll(el.scrollTop / range);
        }}
        className="relative overflow-auto rounded border border-slate-200 text-sm dark:border-slate-800"
        style={{ height }}
      >
        <GridHeader columns={columns} layout={layout} shown={cols} view={view} activeColumn={active.row < 0 ? active.col : null} onSort={sortBy} onPin={pin} onResize={setWidth} sparks={sparks} />
        <div role="rowgroup" className="relative" style={{ height: win.totalHeight, width: total }}>
          {Array.from({ length: win.count }, (_, k) => (
            <GridRow
              key={win.first + k}
              row={win.first + k}
              top={win.top + k * ROW}
              height={ROW}
              columns={columns}
              layout={layout}
              shown={cols}
              cell={cell}
              issues={issues(win.first + k)}
              idPrefix={keysId}
              editedAt={(col) => editing.editedAt(win.first + k, col)}
              editing={editing.editing?.row === win.first + k ? editing.editing : null}
              editor={editing}
              activeColumn={active.row === win.first + k ? active.col : null}
              onActivate={(col) => setActive({ row: win.first + k, col })}
            />
          ))}
        </div>
      </div>
      {/* Shown over what follows while the grid has focus, never in the flow: its going away on blur must not move a button being clicked. */}
      <p
        id={keysId}
        className="sr-only text-xs text-slate-600 group-focus-within:not-sr-only group-focus-within:pointer-events-none group-focus-within:absolute group-focus-within:top-full group-focus-within:left-0 group-focus-within:z-10 group-focus-within:rounded group-focus-within:bg-white/95 group-focus-within:px-1 group-focus-within:shadow dark:text-slate-400 dark:group-focus-within:bg-slate-900/95"
      >
        Keys: arrows, Page Up/Down, Home/End, Ctrl+Home/End, Ctrl+C copies. On a column header: Enter sorts, P pins, Shift+arrows resize.
        {edits ? " On a cell: Enter edits it, or paste a value into it (cells copied from a spreadsheet fill the cells from it); then Enter saves, Escape cancels." : ""}
      </p>
      <p aria-live="polite" className="max-h-24 min-h-4 overflow-auto text-xs break-words whitespace-pre-wrap text-muted">
        {active.row >= 0 && activeValue !== undefined
          ? `Row ${formatCount(active.row + 1)}, ${columns[active.col]!.name}: ${activeValue === null ? "null" : activeValue === "" ? "(empty text)" : clip(activeValue, PANEL_CHARS)}${activeIssues}${activeEdit ? ` — edited, was ${activeEdit.from ?? "null"}` : ""}`
          : ""}
        {(editing.editing?.problem ?? pasteProblem) && (
          <span role="alert" className="block text-danger">
            {editing.editing?.problem ?? pasteProblem}
          </span>
        )}
      </p>
    </div>
  );
}
