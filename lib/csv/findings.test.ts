import { describe, expect, it } from "vitest";
import { describeFindingCounts, type TypeFinding } from "./findings";

describe("describeFindingCounts", () => {
  it("counts the columns read as text apart from the columns of Excel's serial dates, which were read as numbers", () => {
    const text: TypeFinding = { column: "a", type: "BIGINT", values: [{ line: 2, value: "TBD" }] };
    const serial: TypeFinding = { column: "d", type: "DATE", values: [], serial: { first: 45292, day: "2024-01-01" } };
    expect(describeFindingCounts([text, { ...text, column: "b" }, serial])).toEqual(["2 columns read as text", "1 column of Excel’s serial dates"]);
    expect(describeFindingCounts([serial])).toEqual(["1 column of Excel’s serial dates"]);
    expect(describeFindingCounts([])).toEqual([]);
  });
});
