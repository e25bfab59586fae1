import { describe, expect, it } from "vitest";
import { columnChanges, describeChanges } from "./column-changes";
import type { Step } from "./schema";

const staged = [
  { name: "id", type: "BIGINT" },
  { name: "amt", type: "VARCHAR" },
  { name: "note", type: "VARCHAR" },
];

describe("columnChanges", () => {
  it("reports renames, additions, removals and type changes", () => {
    const steps: Step[] = [
      { kind: "rename", from: "amt", to: "amount", enabled: true },
      { kind: "cast", column: "amount", type: "DOUBLE", enabled: true },
      { kind: "select", columns: ["id", "amount"], enabled: true },
      { kind: "derive", name: "double", expression: "amount * 2", enabled: true },
    ];
    const final = [
      { name: "id", type: "BIGINT" },
      { name: "amount", type: "DOUBLE" },
      { name: "double", type: "DOUBLE" },
    ];
    const changes = columnChanges(staged, final, steps);
    expect(changes).toEqual({
      renamed: [{ from: "amt", to: "amount" }],
      added: [{ name: "double", type: "DOUBLE" }],
      removed: [{ name: "note", type: "VARCHAR" }],
      retyped: [{ name: "amount", from: "VARCHAR", to: "DOUBLE" }],
    });
    expect(describeChanges(changes)).toBe("renamed amt → amount; added double; removed note; amount VARCHAR → DOUBLE");
  });

  it("follows chains of renames and ignores disabled steps", () => {
    const steps: Step[] = [
      { kind: "rename", from: "amt", to: "a1", enabled: true },
      { kind: "rename", from: "a1", to: "a2", enabled: true },
      { kind: "rename", from: "id", to: "key", enabled: false },
    ];
    const final = [
      { name: "id", type: "BIGINT" },
      { name: "a2", type: "VARCHAR" },
      { name: "note", type: "VARCHAR" },
    ];
    expect(describeChanges(columnChanges(staged, final, steps))).toBe("renamed amt → a2");
    expect(describeChanges(columnChanges(staged, staged, []))).toBe("no column changes");
  });
});
