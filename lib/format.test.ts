import { describe, expect, it } from "vitest";
import { formatBytes, formatCount, formatDateTime, formatTime, plural } from "./format";

describe("format", () => {
  it("counts with thousands separators, and words in the plural but for one", () => {
    expect(formatCount(1234567)).toBe("1,234,567");
    expect(plural(1, "row")).toBe("1 row");
    expect(plural(23000, "row")).toBe("23,000 rows");
  });

  it("sizes in binary units", () => {
    expect(formatBytes(512)).toBe("512 B");
    expect(formatBytes(1536)).toBe("1.5 KB");
    expect(formatBytes(300 * 1024 * 1024)).toBe("300 MB");
  });

  it("times and dates read as the browser's own locale formatting does", () => {
    const at = "2026-11-26T09:05:07.000Z";
    expect(formatTime(at)).toBe(new Date(at).toLocaleTimeString());
    expect(formatDateTime(at)).toBe(new Date(at).toLocaleString());
    expect(formatDateTime(Date.parse(at))).toBe(new Date(at).toLocaleString());
  });
});
