import { describe, expect, it } from "vitest";
import { namesGroups, twoLineNames } from "./header-names";

describe("a header of two lines", () => {
  it("tells a line of groups (a merged cell over its columns) from a line of names", () => {
    expect(namesGroups(["Region", "2024", "", "2023", ""])).toBe(true);
    expect(namesGroups(["", "Sales", "Sales", "Costs", "Costs"])).toBe(true);
    expect(namesGroups(["temp", "pressure"])).toBe(false);
    expect(namesGroups(["", "x", "y"])).toBe(false);
  });

  it("names each column by its group and its own name; a units line leaves the names as they are", () => {
    expect(twoLineNames(["Region", "2024", "", "2023", ""], ["", "Units", "Revenue", "Units", "Revenue"])).toEqual(["Region", "2024 Units", "2024 Revenue", "2023 Units", "2023 Revenue"]);
    expect(twoLineNames(["", "Sales", "Sales"], ["Region", "Units", "Revenue"])).toEqual(["Region", "Sales Units", "Sales Revenue"]);
    expect(twoLineNames(["temp", "pressure"], ["°C", "hPa"])).toEqual(["temp", "pressure"]);
  });
});
