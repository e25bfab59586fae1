import { describe, expect, it } from "vitest";
import { shapesOf, valueShape } from "./value-shape";

describe("valueShape", () => {
  it("names what most values look like", () => {
    expect(valueShape(["a@x.org", "b@y.com", null, ""])).toBe("email");
    expect(valueShape(["2026-01-02", "2026-12-31"])).toBe("date");
    expect(valueShape(["2026-01-02 10:00:00", "2026-01-02T11:30"])).toBe("datetime");
    expect(valueShape(["12", "-3", "40"])).toBe("integer");
    expect(valueShape(["1.5", "2,25", "3."])).toBe("decimal");
    expect(valueShape(["FR", "DE-2", "X_1"])).toBe("code");
    expect(valueShape(["+33 1 23 45 67 89", "(555) 123-4567"])).toBe("phone");
    expect(valueShape(["yes", "no", "Y"])).toBe("boolean");
  });

  it("names nothing when values are mixed or missing", () => {
    expect(valueShape(["a@x.org", "hello world", "12", "x"])).toBeNull();
    expect(valueShape([null, ""])).toBeNull();
  });

  it("gives each column of a page its shape", () => {
    expect(shapesOf(["mail", "note"], [["a@x.org", "b@x.org"], ["some text", "more"]])).toEqual({ mail: "email" });
  });
});
