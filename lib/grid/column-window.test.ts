import { describe, expect, it } from "vitest";
import { columnWindow, scrollLeftFor, WINDOWED_FROM } from "./column-window";

const wide = (n: number, pinned: number[] = []) => {
  const set = new Set(pinned);
  const order = [...Array(n).keys()].sort((a, b) => Number(set.has(b)) - Number(set.has(a)) || a - b);
  return { order, widths: Array<number>(n).fill(100), pinned: set };
};

describe("columnWindow", () => {
  it("draws every column of a table narrower than the windowing threshold", () => {
    const layout = wide(WINDOWED_FROM - 1);
    expect(columnWindow(layout, 2000, 800)).toEqual({ shown: layout.order, before: 0 });
  });

  it("draws the columns in view and the overscan, after a spacer for those before", () => {
    const { shown, before } = columnWindow(wide(2000), 10_000, 800);
    // In view: columns 100-107; 480 px of overscan on each side: 96-112 (a column partly in it is drawn).
    expect(shown[0]).toBe(95);
    expect(shown.at(-1)).toBe(112);
    expect(before).toBe(95 * 100);
  });

  it("keeps the pinned columns first, always drawn, and measures the view beside them", () => {
    const layout = wide(200, [150, 3]);
    const { shown, before } = columnWindow(layout, 0, 800);
    expect(shown.slice(0, 2)).toEqual([3, 150]);
    expect(shown[2]).toBe(0);
    expect(before).toBe(0);
    const far = columnWindow(layout, 5000, 800);
    expect(far.shown.slice(0, 2)).toEqual([3, 150]);
    // The view starts 200 px in (after the pinned), less the overscan: 45 unpinned columns (0-2, 4-45) are left out.
    expect(far.shown[2]).toBe(46);
    expect(far.before).toBe(4500);
  });

  it("scrolls a column into view beside the pinned ones, or not at all when it is in view", () => {
    const layout = wide(200);
    expect(scrollLeftFor(3, layout, 0, 800)).toBeNull();
    expect(scrollLeftFor(10, layout, 0, 800)).toBe(300);
    expect(scrollLeftFor(2, layout, 500, 800)).toBe(200);
    const pinned = wide(200, [0]);
    expect(scrollLeftFor(0, pinned, 900, 800)).toBeNull();
    // Column 5 starts 500 px after the pinned column's 100: with 900 px scrolled it hides behind it.
    expect(scrollLeftFor(5, pinned, 900, 800)).toBe(400);
  });
});
