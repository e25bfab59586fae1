import { describe, expect, it } from "vitest";
import { cellText } from "./cell-text";

describe("cellText", () => {
  it("writes dates, timestamps and times of day as DuckDB reads them", () => {
    expect(cellText(new Date("2024-03-05T00:00:00Z"))).toBe("2024-03-05");
    expect(cellText(new Date("2024-03-05T13:45:00Z"))).toBe("2024-03-05 13:45:00");
    expect(cellText(new Date("2024-03-05T13:45:00.250Z"))).toBe("2024-03-05 13:45:00.250");
    // A time of day alone: a fraction of a day, which the workbook reader puts on 30 December 1899.
    expect(cellText(new Date("1899-12-30T13:45:00Z"))).toBe("13:45:00");
    expect(cellText(new Date("1899-12-30T00:00:00Z"))).toBe("00:00:00");
    expect(cellText(new Date("1899-12-30T06:00:00.500Z"))).toBe("06:00:00.500");
  });

  it("writes other values as text, and nothing for an empty cell", () => {
    expect(cellText(2134)).toBe("2134");
    expect(cellText(true)).toBe("true");
    expect(cellText("02134")).toBe("02134");
    expect(cellText(null)).toBeNull();
    expect(cellText(undefined)).toBeNull();
  });
});
