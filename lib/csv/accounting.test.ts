import { describe, expect, it } from "vitest";
import { accountLines, describeAccount } from "./accounting";

describe("describeAccount", () => {
  it("names every kind of line there is, with counts grouped as the rest of the UI writes them", () => {
    const lines = accountLines({ total: 12_004, preamble: 1, header: 1, notes: 0, blank: 2, setAside: 1_000, comments: 0, rowLines: 11_000, rows: 10_999, repaired: 0 });
    expect(describeAccount(lines)).toBe("12,004 lines = 11,000 in 10,999 rows + 1 header + 1 above the table + 2 blank + 1,000 set aside");
  });

  it("says when the lines do not add up", () => {
    const lines = accountLines({ total: 10, preamble: 0, header: 1, notes: 0, blank: 0, setAside: 0, rowLines: 8, rows: 8, repaired: 0 });
    expect(describeAccount(lines)).toBe("10 lines = 8 in 8 rows + 1 header (does not add up)");
  });
});
