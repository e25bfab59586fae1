import { describe, expect, it } from "vitest";
import { buildRule, buildStep, stepFormValues, THIS_FILE, type FormStepKind } from "./forms";
import type { Step } from "./schema";

describe("buildRule", () => {
  it("turns filled-in fields into a checked rule", () => {
    expect(buildRule("range", { column: "amount", min: " 0 ", max: "" }, "r1", "warn")).toEqual({
      id: "r1",
      kind: "range",
      column: "amount",
      min: "0",
      severity: "warn",
      enabled: true,
    });
    expect(buildRule("oneOf", { column: "s", values: "a, b,,c" }, "r2", "reject")).toMatchObject({ values: ["a", "b", "c"] });
    expect(buildRule("columns", { expected: "a,b", allowExtra: true }, "r3", "reject")).toMatchObject({ expected: ["a", "b"], allowExtra: true });
    expect(buildRule("reference", { column: "team", file: "teams", field: "name" }, "r4", "reject")).toMatchObject({ kind: "reference", file: "teams", field: "name" });
    // The file itself is Table Schema's empty resource name.
    expect(buildRule("reference", { column: "boss", file: THIS_FILE, field: "id" }, "r5", "reject")).toMatchObject({ file: "", field: "id" });
  });

  it("says which field is missing or wrong", () => {
    expect(buildRule("pattern", { column: "x", pattern: " " }, "r", "reject")).toBe("Regular expression: fill this in.");
    expect(buildRule("length", { column: "x", min: "-1" }, "r", "reject")).toBe("Minimum length: a whole number, 0 or more.");
  });
});

describe("buildStep", () => {
  it("builds steps, keeping spaces where they matter", () => {
    expect(buildStep("replace", { column: "c", find: ",", replace: " " })).toEqual({ kind: "replace", column: "c", find: ",", replace: " ", enabled: true });
    expect(buildStep("split", { column: "c", delimiter: ";", into: "a, b" })).toMatchObject({ into: ["a", "b"] });
    expect(buildStep("dedupe", {})).toEqual({ kind: "dedupe", enabled: true });
    // Dates written several ways: their formats separated by bars (a format may hold a comma: %b %d, %Y).
    expect(buildStep("cast", { column: "d", type: "DATE", format: "%Y-%m-%d | %b %d, %Y" })).toMatchObject({ format: ["%Y-%m-%d", "%b %d, %Y"] });
  });

  it("refuses incomplete steps", () => {
    expect(buildStep("rename", { from: "a", to: "" })).toBe("New name: fill this in.");
    expect(buildStep("split", { column: "c", delimiter: ";", into: "only" })).toMatch(/into/);
  });
});

describe("stepFormValues", () => {
  it("gives back what buildStep reads, so a step edits without change", () => {
    const steps: Step[] = [
      { kind: "split", column: "c", delimiter: ";", into: ["a", "b"], enabled: true },
      { kind: "replace", column: "c", find: "x", replace: "", enabled: true },
      { kind: "dedupe", columns: ["k1", "k2"], enabled: true },
      { kind: "filter", where: "a > 1", enabled: true },
      { kind: "cast", column: "d", type: "DATE", format: "%d.%m.%Y", enabled: true },
      { kind: "cast", column: "d", type: "DATE", format: ["%Y-%m-%d", "%d/%m/%Y"], enabled: true },
    ];
    for (const step of steps) expect(buildStep(step.kind as FormStepKind, stepFormValues(step))).toEqual(step);
  });
});
