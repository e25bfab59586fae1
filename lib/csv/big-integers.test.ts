import { describe, expect, it } from "vitest";
import { bigIntegerColumns } from "./big-integers";

const comma = { delimiter: ",", quote: '"', escape: '"' };
const columns = [
  { name: "id", type: "BIGINT" },
  { name: "ref", type: "DOUBLE" },
  { name: "amount", type: "DOUBLE" },
];

describe("bigIntegerColumns", () => {
  it("finds the DOUBLE columns of whole numbers longer than a DOUBLE holds", () => {
    expect(bigIntegerColumns(["1,89441000301234567890,2.5", "2,12,1e30", ""], comma, columns)).toEqual(["ref"]);
  });

  it("leaves a column with a decimal, an exponent or a word in it, and one of short numbers", () => {
    expect(bigIntegerColumns(["1,89441000301234567890,2.5", "2,1.5,3"], comma, columns)).toEqual([]);
    expect(bigIntegerColumns(["1,89441000301234567890,1", "2,n/a,2"], comma, columns)).toEqual([]);
    expect(bigIntegerColumns(["1,12,1", "2,-7,2"], comma, columns)).toEqual([]);
    expect(bigIntegerColumns(["1,12,1"], comma, [{ name: "id", type: "BIGINT" }])).toEqual([]);
  });

  it("reads quoted and padded values as the reader does", () => {
    expect(bigIntegerColumns(['1," 89441000301234567890 ",2'], comma, columns)).toEqual(["ref"]);
  });
});
