import { describe, expect, it } from "vitest";
import { describeFixedWidth, fixedWidthStarts, fixedWidthValues } from "./fixed-width";

const report = [
  "ID    NAME          AMOUNT  DATE",
  "1     Alice Smith    120.50 2024-01-02",
  "22    Bob              3.00 2024-02-03",
  "333   Carol Ann Lee 1000.00 2024-03-04",
  "",
  "4444  Dee             12.00 2024-04-05",
  "5     Ed               7.25",
  "6     Flo              8.00 2024-06-07",
];

describe("fixed-width text", () => {
  it("finds the columns between the gaps every line shares, named by the header", () => {
    expect(fixedWidthStarts(report)).toEqual([0, 6, 20, 28]);
    expect(fixedWidthValues(report[3]!, [0, 6, 20, 28])).toEqual(["333", "Carol Ann Lee", "1000.00", "2024-03-04"]);
    expect(fixedWidthValues(report[6]!, [0, 6, 20, 28])).toEqual(["5", "Ed", "7.25", ""]);
    expect(describeFixedWidth([0, 6, 20, 28])).toBe("Read as fixed-width columns, starting at characters 1, 7, 21, 29.");
  });

  it("takes nothing else for fixed-width columns: few lines, tabs, a column the header does not name, one column", () => {
    expect(fixedWidthStarts(report.slice(0, 4))).toBeNull();
    expect(fixedWidthStarts(report.map((l) => l.replace("  ", "\t")))).toBeNull();
    // Values past the header's last name belong to its column: here, one column of the whole rest.
    expect(fixedWidthStarts(["ID    NAME", ...report.slice(1)])).toEqual([0, 6]);
    expect(fixedWidthStarts(["      NAME", ...report.slice(1)])).toBeNull();
    expect(fixedWidthStarts(["comment", "hello world", "see you soon", "a b", "more text here", "and some", "last one"])).toBeNull();
    expect(fixedWidthStarts(["name", "ann", "bob", "cy", "dee", "ed", "flo"])).toBeNull();
  });
});
