import { describe, expect, it } from "vitest";
import { cellValue } from "./cell-value";

describe("cellValue", () => {
  it("gives numbers, percentages and amounts as their value, not as shown", () => {
    expect(cellValue({ "office:value-type": "float", "office:value": "1234.5" }, "1.234,50")).toBe("1234.5");
    expect(cellValue({ "office:value-type": "percentage", "office:value": "0.125" }, "12.50%")).toBe("0.125");
    expect(cellValue({ "office:value-type": "currency", "office:value": "-3", "office:currency": "EUR" }, "-3,00 €")).toBe("-3");
  });

  it("keeps the leading zeros of a code shown with them", () => {
    expect(cellValue({ "office:value-type": "float", "office:value": "2134" }, "02134")).toBe("02134");
    expect(cellValue({ "office:value-type": "float", "office:value": "0.5" }, "0.5")).toBe("0.5");
  });

  it("gives dates, timestamps, times and durations as DuckDB reads them", () => {
    expect(cellValue({ "office:value-type": "date", "office:date-value": "2024-01-05" }, "05/01/24")).toBe("2024-01-05");
    expect(cellValue({ "office:value-type": "date", "office:date-value": "2024-01-05T00:00:00" }, "05/01/24")).toBe("2024-01-05");
    expect(cellValue({ "office:value-type": "date", "office:date-value": "2024-01-05T13:45:10.5" }, "")).toBe("2024-01-05 13:45:10.5");
    expect(cellValue({ "office:value-type": "date", "office:date-value": "1899-12-30T08:15:00" }, "08:15")).toBe("08:15:00");
    expect(cellValue({ "office:value-type": "time", "office:time-value": "PT13H45M00S" }, "13:45")).toBe("13:45:00");
    expect(cellValue({ "office:value-type": "time", "office:time-value": "PT36H05M01.250S" }, "36:05:01")).toBe("36:05:01.25");
    expect(cellValue({ "office:value-type": "time", "office:time-value": "P1DT2H" }, "")).toBe("26:00:00");
  });

  it("gives a formula's error as shown, not as the 0 written beside it", () => {
    expect(cellValue({ "office:value-type": "float", "office:value": "0", "calcext:value-type": "error" }, "#DIV/0!")).toBe("#DIV/0!");
  });

  it("gives booleans as true or false, text as written, and an empty cell as null", () => {
    expect(cellValue({ "office:value-type": "boolean", "office:boolean-value": "true" }, "TRUE")).toBe("true");
    expect(cellValue({ "office:value-type": "boolean", "office:boolean-value": "false" }, "FALSE")).toBe("false");
    expect(cellValue({ "office:value-type": "float", "office:value": "0", "table:formula": "of:=FALSE()" }, "FALSE")).toBe("false");
    expect(cellValue({ "office:value-type": "float", "office:value": "1", "calcext:value-type": "boolean" }, "WAHR")).toBe("true");
    expect(cellValue({ "office:value-type": "float", "office:value": "1" }, "1")).toBe("1");
    expect(cellValue({ "office:value-type": "string" }, "Ada")).toBe("Ada");
    expect(cellValue({ "office:value-type": "string", "office:string-value": "full" }, "fu…")).toBe("full");
    expect(cellValue({}, "")).toBeNull();
  });
});
