import { describe, expect, it } from "vitest";
import { isUnlabelledTotals } from "./unlabelled-totals";

const rows = [
  ["1/1/24", "52"],
  ["1/2/24", "61"],
  ["1/3/24", "58"],
];

describe("isUnlabelledTotals", () => {
  it("takes a row with no label whose number is its column's sum over the rows above", () => {
    expect(isUnlabelledTotals(["", "171"], 2, false, () => rows)).toBe(true);
    expect(isUnlabelledTotals(["", "1,245.50", "$3.00"], 3, false, () => [["a", "1,000.25", "$1.00"], ["b", "245.25", "$2.00"]])).toBe(true);
  });

  it("keeps a row whose label is missing but whose numbers are no sums: a row of data", () => {
    expect(isUnlabelledTotals(["", "60"], 2, false, () => rows)).toBe(false);
    // Zero is the sum of a column of zeros: no sign of a total.
    expect(isUnlabelledTotals(["", "0"], 2, false, () => [["a", "0"], ["b", "0"]])).toBe(false);
    // Without the whole table to sum, a row right under the rows is a row.
    expect(isUnlabelledTotals(["", "171"], 2, false, () => null)).toBe(false);
  });

  it("takes numbers with no label set apart from the rows by a blank line, without summing", () => {
    expect(isUnlabelledTotals(["", "999"], 2, true, () => null)).toBe(true);
  });

  it("keeps anything with a label, or with words among its values", () => {
    expect(isUnlabelledTotals(["Total", "171"], 2, true, () => rows)).toBe(false);
    expect(isUnlabelledTotals(["", "n/a"], 2, true, () => rows)).toBe(false);
    expect(isUnlabelledTotals(["", ""], 2, true, () => rows)).toBe(false);
    expect(isUnlabelledTotals(["", "171", "x"], 2, true, () => rows)).toBe(false);
  });
});
