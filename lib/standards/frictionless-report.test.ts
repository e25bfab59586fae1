import { describe, expect, it } from "vitest";
import { frictionlessReport } from "./frictionless-report";

describe("frictionlessReport", () => {
  const input = {
    name: "people",
    place: "people.csv",
    columns: ["id", "name"],
    rows: 3,
    total: { errors: 3, warnings: 1 },
    checks: [
      { line: 2, kind: "required" as const, rule: "r1", column: "name", severity: "reject" as const, message: '"name" is required', value: null },
      { line: 3, kind: "type" as const, rule: "r2", column: "id", severity: "reject" as const, message: '"id" must be a whole number', value: "x" },
      { line: 3, kind: "expression" as const, rule: "r3", column: null, severity: "reject" as const, message: "rows must satisfy id > 0", value: null },
      { line: 4, kind: "length" as const, rule: "r4", column: "name", severity: "warn" as const, message: '"name" must be at least 2 characters long', value: "B" },
    ],
  };

  it("writes a report in Frictionless's shape: one task, cell and row errors with their row, field and type, warnings apart", () => {
    const report = frictionlessReport(input);
    expect(report).toMatchObject({ valid: false, stats: { tasks: 1, errors: 3, warnings: 1 } });
    const [task] = report.tasks as Record<string, unknown>[];
    expect(task).toMatchObject({ name: "people", type: "table", valid: false, place: "people.csv", labels: ["id", "name"], stats: { errors: 3, rows: 3, fields: 2 } });
    expect(task!.errors).toEqual([
      expect.objectContaining({ type: "constraint-error", rowNumber: 2, fieldName: "name", fieldNumber: 2, cell: "", tags: ["#table", "#row", "#cell"] }),
      expect.objectContaining({ type: "type-error", rowNumber: 3, fieldName: "id", fieldNumber: 1, cell: "x", message: 'Type Error at row "3" and field "1": "id" must be a whole number' }),
      expect.objectContaining({ type: "row-constraint-error", rowNumber: 3, tags: ["#table", "#row"] }),
    ]);
    expect(task!.warnings).toEqual(['row 4, field "name": "name" must be at least 2 characters long']);
  });

  it("lists at most the limit of errors, and counts them all", () => {
    const report = frictionlessReport({ ...input, limit: 1 });
    const [task] = report.tasks as { errors: unknown[]; stats: { errors: number } }[];
    expect(task!.errors).toHaveLength(1);
    expect(task!.stats.errors).toBe(3);
  });

  it("reports a value not found in the other file as Frictionless's foreign-key error", () => {
    const check = { line: 5, kind: "reference" as const, rule: "r5", column: "name", severity: "reject" as const, message: '"name" must be one of the "name" values of staff', value: "Cy" };
    const [task] = frictionlessReport({ ...input, checks: [check], total: { errors: 1, warnings: 0 } }).tasks as { errors: unknown[] }[];
    expect(task!.errors).toEqual([expect.objectContaining({ type: "foreign-key", title: "ForeignKey Error", rowNumber: 5, fieldName: "name", cell: "Cy" })]);
  });

  it("is valid when no rejecting rule failed", () => {
    expect(frictionlessReport({ ...input, checks: [], total: { errors: 0, warnings: 0 } })).toMatchObject({ valid: true });
  });
});
