import { describe, expect, it } from "vitest";
import { declaredMissing, declaredMissingText, describeDeclaredMissing, withoutDeclaredMissing } from "./missing";

describe("SPSS's declared missing values", () => {
  it("are said as SPSS's MISSING VALUES says them: values, a range, a range open on one side and a value", () => {
    expect(declaredMissingText({ missing: [99] })).toBe("99");
    expect(declaredMissingText({ missing: [7, 8, 9] })).toBe("7, 8, 9");
    expect(declaredMissingText({ missing: [], range: [97, 99] })).toBe("97 to 99");
    expect(declaredMissingText({ missing: [99], range: [-Number.MAX_VALUE * 0.99, 0] })).toBe("lowest to 0 and 99");
    expect(declaredMissingText({ missing: [], range: [90, Infinity] })).toBe("90 to highest");
    expect(declaredMissingText({ missing: [] })).toBeNull();
  });

  it("are listed for the variables that declare some, a string variable's quoted", () => {
    const variables = [
      { name: "age", width: 0, missing: [99] },
      { name: "income", width: 0, missing: [] },
      { name: "q1", width: 0, missing: [9], range: [7, 8] as [number, number] },
      { name: "code", width: 3, missing: [], missingTexts: ["NA", "-"] },
      { name: "note", width: 20, missing: [] },
    ];
    expect(declaredMissing(variables)).toEqual({ age: "99", q1: "7 to 8 and 9", code: '"NA", "-"' });
    expect(withoutDeclaredMissing(variables).map((v) => [v.name, v.missing, "range" in v, "missingTexts" in v])).toEqual([
      ["age", [], false, false],
      ["income", [], false, false],
      ["q1", [], false, false],
      ["code", [], false, false],
      ["note", [], false, false],
    ]);
  });

  it("are described as read: empty, with how to keep them, or kept", () => {
    expect(describeDeclaredMissing({ age: "99" }, false)).toBe(
      "Column age declares 99 missing (SPSS's user-missing values): read as empty, as SPSS reads them. To keep those values, read it again with Declared missing values: kept.",
    );
    expect(describeDeclaredMissing({ age: "99", q1: "7 to 9" }, true)).toBe(
      "Columns age (99), q1 (7 to 9) declare values missing (SPSS's user-missing values): kept as the values they are, as chosen, where SPSS reads them as empty.",
    );
  });
});
