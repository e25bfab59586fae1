import { describe, expect, it } from "vitest";
import { describeFixedWidth, fixedWidthConverter, fixedWidthStarts, fixedWidthValues } from "./fixed-width";

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

  it("passes over a report's title lines above the header, and reads a rule under the header as a blank line", () => {
    const printed = [
      "ACME CORP - MONTHLY ACCOUNT REPORT                    PAGE 1",
      "ACCOUNT   NAME                 BALANCE    OPENED",
      "--------- -------------------- ---------- ----------",
      "000123    Ann Lee                 1234.56 2020-01-15",
      "004567    Bo Chen                  -99.00 2019-07-01",
      "010001    Cy Diaz                    0.00 2021-03-30",
      "020002    Di Evans                 500.25 2018-11-11",
      "030003    Ed Fox                   750.00 2017-02-02",
    ];
    const starts = fixedWidthStarts(printed);
    expect(starts).toEqual([0, 10, 31, 42]);
    const convert = fixedWidthConverter(starts!);
    expect(printed.slice(0, 4).map(convert)).toEqual([
      "ACME CORP - MONTHLY ACCOUNT REPORT                    PAGE 1\r\n",
      "ACCOUNT,NAME,BALANCE,OPENED\r\n",
      "\r\n",
      "000123,Ann Lee,1234.56,2020-01-15\r\n",
    ]);
    // Below the top, a line across the columns is a row like any other.
    expect(convert("999999    A very long name that runs 1.00 2020-01-01")).toBe("999999,A very long name that,runs 1.00,2020-01-01\r\n");
  });
});
