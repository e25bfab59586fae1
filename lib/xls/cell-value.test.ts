import { describe, expect, test } from "vitest";
import { isDateCode, numberText, serialDateText } from "./cell-value";
import { rkNumber } from "./workbook";

describe("numberText", () => {
  test("by the format: dates, times, codes with leading zeros, elapsed time, plain numbers", () => {
    expect(numberText(14, undefined, false)(45296)).toBe("2024-01-05");
    expect(numberText(164, "dd/mm/yyyy\\ hh:mm", false)(45296.5729166667)).toBe("2024-01-05 13:45:00");
    expect(numberText(164, "hh:mm", false)(0.5729166667)).toBe("13:45:00");
    expect(numberText(165, "00000", false)(2134)).toBe("02134");
    expect(numberText(46, undefined, false)(1.5)).toBe("36:00:00");
    expect(numberText(166, '#,##0.00 "days"', false)(1234.5)).toBe("1234.5");
    expect(numberText(10, undefined, false)(0.125)).toBe("0.125");
  });

  test("a date code is told apart from numbers with text, colours and locales", () => {
    expect(["yyyy-mm-dd", "[$-409]mmmm d, yyyy", "h:mm AM/PM", "[Red]dd/mm/yy"].map(isDateCode)).toEqual([true, true, true, true]);
    expect(["General", "#,##0.00_);[Red](#,##0.00)", '0.0 "ms"', "[$€-407] #,##0.00", "0.00E+00"].map(isDateCode)).toEqual([false, false, false, false, false]);
  });

  test("serial days: Excel's 1900 leap day, a Mac workbook's 1904 day zero, times alone", () => {
    expect(serialDateText(1, false)).toBe("1900-01-01");
    expect(serialDateText(59, false)).toBe("1900-02-28");
    expect(serialDateText(61, false)).toBe("1900-03-01");
    expect(serialDateText(0, true)).toBe("00:00:00");
    expect(serialDateText(1, true)).toBe("1904-01-02");
    expect(serialDateText(0.25, true)).toBe("06:00:00");
  });
});

test("RK numbers: integers, doubles' top bits, both divided by 100", () => {
  expect(rkNumber((1234 << 2) | 0x02)).toBe(1234);
  expect(rkNumber(((-5 << 2) | 0x02) >>> 0)).toBe(-5);
  expect(rkNumber((1234 << 2) | 0x03)).toBe(12.34);
  // 1.5 as a double is 0x3FF8000000000000: its top 32 bits are the RK number.
  expect(rkNumber(0x3ff80000)).toBe(1.5);
  expect(rkNumber(0x3ff80000 | 0x01)).toBe(0.015);
});
