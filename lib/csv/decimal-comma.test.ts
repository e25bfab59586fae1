import { describe, expect, it } from "vitest";
import { commaDecimalColumns } from "./decimal-comma";

const semicolons = { delimiter: ";", quote: '"', escape: '"' };
const lines = ["1;Ana;12,50;3.5", "2;Bo;7,00;4.25", "3;Cy;;1", "4;Di;abc;2"];
const names = ["id", "customer", "amount", "weight"];

describe("commaDecimalColumns", () => {
  it("finds a column given a fractional type whose values have a decimal comma", () => {
    expect(commaDecimalColumns(lines, semicolons, names, { amount: "DECIMAL(10,2)" })).toEqual(["amount"]);
    expect(commaDecimalColumns(lines, semicolons, names, { amount: "double" })).toEqual(["amount"]);
  });

  it("leaves columns of decimal points, whole numbers, text and types without a fraction", () => {
    expect(commaDecimalColumns(lines, semicolons, names, { weight: "DOUBLE" })).toEqual([]);
    expect(commaDecimalColumns(lines, semicolons, names, { id: "DOUBLE", customer: "DECIMAL(5,1)" })).toEqual([]);
    expect(commaDecimalColumns(lines, semicolons, names, { amount: "VARCHAR" })).toEqual([]);
    expect(commaDecimalColumns(["1;2,5", "2;3.5"], semicolons, ["a", "b"], { b: "DOUBLE" })).toEqual([]);
  });

  it("leaves a comma-delimited file alone: DuckDB cannot read the comma as both", () => {
    expect(commaDecimalColumns(['1,"12,50"'], { delimiter: ",", quote: '"', escape: '"' }, ["id", "amount"], { amount: "DOUBLE" })).toEqual([]);
  });
});
