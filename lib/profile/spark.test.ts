import { describe, expect, it } from "vitest";
import type { ColumnProfile } from "./sql";
import { sparkOf } from "./spark";

const base: ColumnProfile = { name: "c", type: "VARCHAR", count: 10, nulls: 0, distinct: 3, distinctApprox: false, allDistinct: false, min: "a", max: "c", mean: null, top: [], histogram: null };

describe("sparkOf", () => {
  it("draws a number column's histogram, tallest bin full height", () => {
    const spark = sparkOf({ ...base, name: "amount", type: "DOUBLE", min: "0", max: "30", histogram: [{ from: 0, to: 10, n: 2 }, { from: 10, to: 20, n: 8 }, { from: 20, to: 30, n: 4 }] });
    expect(spark).toEqual({ bars: [0.25, 1, 0.5], says: "amount: 3 bins from 0 to 30" });
  });

  it("draws the most common values of other columns, and says the first three", () => {
    const top = [{ value: "paid", n: 6 }, { value: "shipped", n: 3 }, { value: null, n: 1 }];
    expect(sparkOf({ ...base, name: "status", top })).toEqual({ bars: [1, 0.5, 1 / 6], says: "status, most common: paid (6), shipped (3), null (1)" });
  });

  it("draws nothing for a key-like column or a single value", () => {
    expect(sparkOf({ ...base, allDistinct: true, top: [{ value: "x", n: 1 }, { value: "y", n: 1 }] })).toBeNull();
    expect(sparkOf({ ...base, top: [{ value: "x", n: 10 }] })).toBeNull();
  });
});
