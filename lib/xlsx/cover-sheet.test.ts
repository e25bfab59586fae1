import { describe, expect, it } from "vitest";
import { holdsNoTable } from "./cover-sheet";

describe("holdsNoTable", () => {
  it("finds a cover sheet: a title, notes and blank rows, each in one cell, or nothing", () => {
    expect(holdsNoTable([["Quarterly sales report"], [null, "Prepared by finance"], [], ["  ", "See the Data sheet."]])).toBe(true);
    expect(holdsNoTable([])).toBe(true);
  });

  it("takes a longer single column for a list, and any row with two values for a table, a label and its value too", () => {
    expect(holdsNoTable(Array.from({ length: 12 }, (_, i) => [`user${i}@example.com`]))).toBe(false);
    expect(holdsNoTable([["Report"], ["Prepared by", "finance"]])).toBe(false);
    expect(holdsNoTable([["id"], [1], [2, 0]])).toBe(false);
  });
});
