import { describe, expect, it } from "vitest";
import { describeError } from "./result";

describe("describeError", () => {
  it("says where before what", () => {
    expect(describeError({ message: "Bad value.", file: "a.csv", line: 4, column: "x" })).toBe(
      'a.csv, line 4, column "x": Bad value.',
    );
    expect(describeError({ message: "Empty.", file: "a.csv" })).toBe("a.csv: Empty.");
    expect(describeError({ message: "Plain." })).toBe("Plain.");
  });
});
