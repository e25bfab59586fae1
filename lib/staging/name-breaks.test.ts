import { describe, expect, it } from "vitest";
import { describeLineBreakRenames, lineBreakRenames } from "./name-breaks";

describe("column names with line breaks", () => {
  it("reads each line break and the spaces around it as one space, unless the name is taken", () => {
    expect(lineBreakRenames(["Total\nRevenue", "Unit \r\n price ", "Region", "Region\n", "id"])).toEqual({ "Total\nRevenue": "Total Revenue", "Unit \r\n price ": "Unit price" });
    expect(lineBreakRenames(["a", "b"])).toEqual({});
    expect(describeLineBreakRenames({ "Total\nRevenue": "Total Revenue" })).toBe("Read without the line breaks in their names: “Total Revenue”.");
  });
});
