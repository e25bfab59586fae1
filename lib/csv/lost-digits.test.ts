import { describe, expect, it } from "vitest";
import { describeLostDigits, lostDigitColumns } from "./lost-digits";

const dialect = { delimiter: ",", quote: '"', escape: '"' };
const columns = [{ name: "sku" }, { name: "phone" }, { name: "mass" }, { name: "name" }];

describe("digits lost to Excel's scientific notation", () => {
  it("finds the columns of long numbers Excel saved as it shows them, and nothing else", () => {
    const lines = ["4006381333931,4.91761E+11,6.02E+23,a", "4.00638E+12,491761234567,1.5e+30,b", "12,5,2.5E-3,1.2E+12 name"];
    expect(lostDigitColumns(lines, dialect, columns)).toEqual([
      { column: "sku", example: "4.00638E+12" },
      { column: "phone", example: "4.91761E+11" },
      { column: "mass", example: "6.02E+23" },
    ]);
    // Numbers short enough to show whole, and scientific values written by other programs (more digits, a lower-case e), are not.
    expect(lostDigitColumns(["1.5E+10,1.234567E+15,1e+20,x"], dialect, columns)).toEqual([]);
  });

  it("says which columns and what to do", () => {
    expect(describeLostDigits([{ column: "sku", example: "4.00638E+12" }])).toBe(
      "Long numbers as Excel shows them, six digits kept: sku (4.00638E+12). If it holds codes (barcodes, phone or account numbers), their other digits were lost before the file was saved: export that column again formatted as text.",
    );
    expect(describeLostDigits([])).toBeNull();
  });
});
