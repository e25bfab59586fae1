import { describe, expect, it } from "vitest";
import { rowWindow, scrollTopFor } from "./window";

const base = { viewportHeight: 300, rowHeight: 30 };

describe("rowWindow", () => {
  it("maps pixels to rows directly while the content fits", () => {
    expect(rowWindow({ ...base, scrollTop: 0, rowCount: 100 })).toEqual({ totalHeight: 3000, first: 0, count: 11, top: 0 });
    expect(rowWindow({ ...base, scrollTop: 95, rowCount: 100 })).toEqual({ totalHeight: 3000, first: 3, count: 11, top: 90 });
    expect(rowWindow({ ...base, scrollTop: 2700, rowCount: 100 })).toMatchObject({ first: 90, count: 10 });
    expect(rowWindow({ ...base, scrollTop: 0, rowCount: 0 })).toMatchObject({ first: 0, count: 0 });
  });

  it("scales the scroll range for ten million rows, reaching the last row at the bottom", () => {
    const rows = 10_000_000;
    const max = 15_000_000;
    const top = rowWindow({ ...base, scrollTop: 0, rowCount: rows });
    expect(top).toMatchObject({ totalHeight: max, first: 0, top: 0 });
    const bottom = rowWindow({ ...base, scrollTop: max - 300, rowCount: rows });
    expect(bottom.first + bottom.count).toBe(rows);
    expect(bottom.top).toBe(max - 300);
    const middle = rowWindow({ ...base, scrollTop: (max - 300) / 2, rowCount: rows });
    expect(Math.abs(middle.first - rows / 2)).toBeLessThan(10);
  });

  it("finds the scroll position of a row, both ways", () => {
    expect(scrollTopFor(50, { ...base, rowCount: 100 })).toBe(1500);
    const rows = 10_000_000;
    const at = scrollTopFor(7_654_321, { ...base, rowCount: rows });
    expect(rowWindow({ ...base, scrollTop: at, rowCount: rows }).first).toBe(7_654_321);
  });
});
