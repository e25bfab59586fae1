import { describe, expect, it } from "vitest";
import { ruleMessage } from "@/lib/recipe/rules";
import { castStepFor, emptiableValues, sharedEmptiableValues, typeRuleFor } from "./type-rule";

describe("typeRuleFor", () => {
  it("suggests the type rule for the type the sniffer guessed, and none where no rule checks it", () => {
    const rule = typeRuleFor({ column: "n", type: "BIGINT", values: [{ line: 3, value: "abc" }] }, "t1");
    expect(rule).toEqual({ id: "t1", kind: "type", column: "n", type: "integer", severity: "reject", enabled: true });
    expect(ruleMessage(rule!)).toBe('"n" must be a whole number');
    expect(typeRuleFor({ column: "d", type: "DECIMAL(9,2)", values: [] }, "t2")).toMatchObject({ type: "decimal" });
    expect(typeRuleFor({ column: "t", type: "TIMESTAMP WITH TIME ZONE", values: [] }, "t3")).toMatchObject({ type: "timestamp" });
    expect(typeRuleFor({ column: "x", type: "TIME", values: [] }, "t4")).toBeNull();
  });

  it("takes the decimal comma the file's numbers were read with", () => {
    const rule = typeRuleFor({ column: "amount", type: "DECIMAL(10,2)", values: [{ line: 6, value: "abc" }], decimalChar: "," }, "t1");
    expect(rule).toMatchObject({ type: "decimal", decimalChar: "," });
    expect(ruleMessage(rule!)).toBe('"amount" must be a number with a decimal comma');
  });

  it("offers the cast to the type for the final data, with the comma where the file has it", () => {
    expect(castStepFor({ column: "amount", type: "DOUBLE", values: [], decimalChar: "," })).toEqual({ kind: "cast", column: "amount", type: "DOUBLE", decimalChar: ",", enabled: true });
    expect(castStepFor({ column: "day", type: "DATE", values: [] })).toEqual({ kind: "cast", column: "day", type: "DATE", enabled: true });
    expect(castStepFor({ column: "x", type: "TIME", values: [] })).toBeNull();
    // Dates in another format than ISO's: the rule and the cast read them by it.
    expect(typeRuleFor({ column: "day", type: "DATE", values: [], format: "%d/%m/%Y" }, "t5")).toMatchObject({ type: "date", format: "%d/%m/%Y" });
    expect(castStepFor({ column: "day", type: "DATE", values: [], format: "%d/%m/%Y" })).toEqual({ kind: "cast", column: "day", type: "DATE", format: "%d/%m/%Y", enabled: true });
  });
});


describe("numbers written for people, and words among numbers", () => {
  it("offers no type rule or cast for amounts written as $1,234.56, whose words may be read as empty", () => {
    const finding = { column: "Amount", type: "DOUBLE", values: [{ line: 24, value: "TBD" }, { line: 30, value: " TBD " }], written: "1,234.56" };
    expect(typeRuleFor(finding, "t")).toBeNull();
    expect(castStepFor(finding)).toBeNull();
    expect(emptiableValues(finding)).toEqual(["TBD"]);
  });

  it("offers no value with a digit, nor more than three, to be read as empty", () => {
    const finding = (values: string[]) => ({ column: "d", type: "DATE", values: values.map((value, i) => ({ line: i + 2, value })) });
    expect(emptiableValues(finding(["31.02.2026"]))).toEqual([]);
    expect(emptiableValues(finding(["a", "b", "c", "d"]))).toEqual([]);
    expect(emptiableValues(finding(["n/a", "?", "unknown"]))).toEqual(["n/a", "?", "unknown"]);
  });
});

describe("words among numbers in several columns", () => {
  const finding = (column: string, values: string[]) => ({ column, type: "BIGINT", values: values.map((value, i) => ({ line: i + 2, value })) });
  it("offers the words of every finding that has some once, where two findings or more do", () => {
    expect(sharedEmptiableValues([finding("a", ["TBD"]), finding("b", ["12.5.3"]), finding("c", ["TBD", "?"])])).toEqual(["TBD", "?"]);
    // One finding offers its own words; none offer nothing.
    expect(sharedEmptiableValues([finding("a", ["TBD"]), finding("b", ["12.5.3"])])).toEqual([]);
    expect(sharedEmptiableValues([finding("b", ["12.5.3"])])).toEqual([]);
  });
});
