import { describe, expect, it } from "vitest";
import { isIntegerType, isNestedType, isNumericType, isTextType } from "./types";

describe("DuckDB type classes", () => {
  it("know a type by its whole name: a list of text or numbers is neither text nor a number", () => {
    expect(["VARCHAR", "varchar"].map(isTextType)).toEqual([true, true]);
    expect(["VARCHAR[]", "STRUCT(a VARCHAR)", "MAP(VARCHAR, INTEGER)"].map(isTextType)).toEqual([false, false, false]);
    expect(["DOUBLE", "DECIMAL(18,3)", "DECIMAL(9, 2)", "BIGINT", "UHUGEINT"].map(isNumericType)).toEqual([true, true, true, true, true]);
    expect(["DOUBLE[]", "BIGINT[]", "DECIMAL(18,3)[]", "DATE"].map(isNumericType)).toEqual([false, false, false, false]);
    expect(["BIGINT", "BIGINT[]", "DOUBLE"].map(isIntegerType)).toEqual([true, false, false]);
  });

  it("know a nested type: lists, fixed-size arrays, structs, maps, unions", () => {
    expect(["VARCHAR[]", "INTEGER[3]", "STRUCT(a VARCHAR)", "MAP(VARCHAR, INTEGER)", "UNION(a INTEGER, b VARCHAR)"].map(isNestedType)).toEqual([true, true, true, true, true]);
    expect(["VARCHAR", "DECIMAL(9,2)", "TIMESTAMP WITH TIME ZONE"].map(isNestedType)).toEqual([false, false, false]);
  });
});
