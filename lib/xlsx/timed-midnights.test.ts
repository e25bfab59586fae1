import { describe, expect, it } from "vitest";
import { withTimedMidnights } from "./timed-midnights";

describe("withTimedMidnights", () => {
  it("writes the midnights of a column of timestamps as timestamps, not dates", () => {
    const rows = [
      ["id", "updated_at", "ordered_on"],
      ["1", "2025-01-17", "2025-01-17"],
      ["2", "2025-02-18 01:01:00", "2025-02-18"],
      ["3", null, "2025-02-19"],
    ];
    expect(withTimedMidnights(rows)).toEqual([
      ["id", "updated_at", "ordered_on"],
      ["1", "2025-01-17 00:00:00", "2025-01-17"],
      ["2", "2025-02-18 01:01:00", "2025-02-18"],
      ["3", null, "2025-02-19"],
    ]);
  });

  it("leaves a column with any other value, and a table without such a column, as they are", () => {
    const mixed = [["when"], ["2025-01-17"], ["2025-02-18 01:01:00"], ["soon"]];
    expect(withTimedMidnights(mixed)).toEqual(mixed);
    const plain = [["a", "b"], ["1", "x"]];
    expect(withTimedMidnights(plain)).toBe(plain);
  });
});
