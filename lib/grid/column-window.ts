/**
 * Which columns a grid draws for a horizontal scroll position. A wide file
 * (hundreds or thousands of columns) would otherwise put every cell of every
 * shown row in the page; from WINDOWED_FROM columns on, only the pinned
 * columns and those in (or near) view are drawn, after a spacer as wide as
 * the columns left out before them. Narrower tables draw every column.
 */
export interface ColumnLayout {
  /** Column indexes in display order: pinned first. */
  order: readonly number[];
  widths: readonly number[];
  pinned: ReadonlySet<number>;
}

export interface ColumnWindow {
  /** The columns to draw, in display order. */
  shown: number[];
  /** Width of the columns left out between the pinned ones and the first shown. */
  before: number;
}

export const WINDOWED_FROM = 40;
/** Columns drawn beyond each edge of the view, in px: a short scroll shows no blank. */
const OVERSCAN = 480;

const pinnedWidth = ({ order, widths, pinned }: ColumnLayout) => order.reduce((sum, i) => sum + (pinned.has(i) ? widths[i]! : 0), 0);

export function columnWindow(layout: ColumnLayout, scrollLeft: number, viewportWidth: number): ColumnWindow {
  const { order, widths, pinned } = layout;
  if (order.length < WINDOWED_FROM || viewportWidth <= 0) return { shown: [...order], before: 0 };
  const left = pinnedWidth(layout);
  const from = scrollLeft + left - OVERSCAN;
  const to = scrollLeft + viewportWidth + OVERSCAN;
  const shown = order.filter((i) => pinned.has(i));
  let before = 0;
  let x = left;
  for (const i of order) {
    if (pinned.has(i)) continue;
    const w = widths[i]!;
    if (x + w <= from) before += w;
    else if (x < to) shown.push(i);
    else break;
    x += w;
  }
  return { shown, before };
}

/** The scroll position that brings column `col` into view (beside the pinned ones), or null when it is in view. */
export function scrollLeftFor(col: number, layout: ColumnLayout, scrollLeft: number, viewportWidth: number): number | null {
  const { order, widths, pinned } = layout;
  if (pinned.has(col)) return null;
  const left = pinnedWidth(layout);
  let x = left;
  for (const i of order) {
    if (i === col) break;
    if (!pinned.has(i)) x += widths[i]!;
  }
  const w = widths[col]!;
  if (x < scrollLeft + left) return x - left;
  if (x + w > scrollLeft + viewportWidth) return Math.min(x - left, x + w - viewportWidth);
  return null;
}
