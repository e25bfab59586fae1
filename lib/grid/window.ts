/**
 * Which rows a virtual grid shows for a scroll position. Browsers cap an
 * element's height (about 33 million pixels in Chromium), so past
 * `maxHeight` the scroll range is scaled: the scroll position's share of the
 * range picks the row, and rows move a whole row at a time.
 */
export interface WindowInput {
  scrollTop: number;
  viewportHeight: number;
  rowHeight: number;
  rowCount: number;
  maxHeight?: number;
}

export interface RowWindow {
  /** Height of the scrollable content. */
  totalHeight: number;
  first: number;
  count: number;
  /** Where (in content pixels) the first shown row is drawn. */
  top: number;
}

export const MAX_SCROLL_HEIGHT = 15_000_000;

export function rowWindow({ scrollTop, viewportHeight, rowHeight, rowCount, maxHeight = MAX_SCROLL_HEIGHT }: WindowInput): RowWindow {
  const natural = rowCount * rowHeight;
  const visible = Math.ceil(viewportHeight / rowHeight) + 1;
  if (natural <= maxHeight) {
    const first = Math.max(0, Math.min(Math.floor(scrollTop / rowHeight), Math.max(0, rowCount - 1)));
    return { totalHeight: natural, first, count: Math.max(0, Math.min(visible, rowCount - first)), top: first * rowHeight };
  }
  const range = maxHeight - viewportHeight;
  const share = range > 0 ? Math.min(1, Math.max(0, scrollTop / range)) : 0;
  const lastFirst = Math.max(0, rowCount - visible + 1);
  const first = Math.round(share * lastFirst);
  return { totalHeight: maxHeight, first, count: Math.min(visible, rowCount - first), top: Math.min(scrollTop, maxHeight - viewportHeight) };
}

/** The scroll position that brings `row` into view (at the top when scrolled to). */
export function scrollTopFor(row: number, input: Omit<WindowInput, "scrollTop">): number {
  const { rowHeight, rowCount, viewportHeight, maxHeight = MAX_SCROLL_HEIGHT } = input;
  if (rowCount * rowHeight <= maxHeight) return row * rowHeight;
  const visible = Math.ceil(viewportHeight / rowHeight) + 1;
  const lastFirst = Math.max(1, rowCount - visible + 1);
  return (Math.min(row, lastFirst) / lastFirst) * (maxHeight - viewportHeight);
}
