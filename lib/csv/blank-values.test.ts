import { describe, expect, it } from "vitest";
import { blankValues, isBlankValue, withBlanks } from "./blank-values";

const comma = { delimiter: ",", quote: '"', escape: '"' };

describe("blankValues", () => {
  it("finds values of spaces alone in columns of numbers, dates and booleans", () => {
    const lines = ["1,a,2.5,2024-01-02,true", " ,b,  ,2024-01-03T10:00:00Z,false", "3,c,1e5,\t,TRUE"];
    expect(blankValues(lines, comma).sort()).toEqual(["\t", " ", "  "]);
  });

  it("leaves text columns alone, and columns with nothing but blanks", () => {
    expect(blankValues(["1,a", "2, ", "3,c"], comma)).toEqual([]);
    expect(blankValues(["1, ", "2, "], comma)).toEqual([]);
    expect(blankValues(["1,x", "2,y"], comma)).toEqual([]);
  });

  it("tells a blank value from an empty one", () => {
    expect([" ", "\t ", ""].map(isBlankValue)).toEqual([true, true, false]);
    expect(isBlankValue(" a ")).toBe(false);
  });

  it("keeps the blank values a read found when the user types the values read as empty", () => {
    expect(withBlanks(["NA"], [" ", "-"])).toEqual(["NA", " "]);
    expect(withBlanks([], [" "])).toEqual([" "]);
    expect(withBlanks([], ["NA"])).toBeUndefined();
  });
});
