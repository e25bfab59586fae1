import { describe, expect, it } from "vitest";
import { describeReadNames, namesTheReadGave } from "./header-gaps";

describe("namesTheReadGave", () => {
  it("finds the columns the header named not at all, or a second time (in any case)", () => {
    expect(namesTheReadGave(["id", "name", "name", "", "Amount", "amount"], ["id", "name", "name_1", "column3", "Amount", "amount_1"])).toEqual([
      { column: "name_1", given: "name" },
      { column: "column3", given: "" },
      { column: "amount_1", given: "amount" },
    ]);
  });

  it("says nothing of a header that names each column once, nor of columns past the header's names", () => {
    expect(namesTheReadGave(["id", "name"], ["id", "name", "column2"])).toEqual([]);
    expect(describeReadNames([])).toBeNull();
  });

  it("says which names the read gave, and why", () => {
    expect(describeReadNames([{ column: "name_1", given: "name" }, { column: "column3", given: "" }])).toBe(
      "Named by the read: “name_1” (the header’s second “name”), “column3” (no name in the header). Rules, steps and the destination use these names; a rename step gives another.",
    );
  });
});
