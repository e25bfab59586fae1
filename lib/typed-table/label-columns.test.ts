import { describe, expect, it } from "vitest";
import { withLabelColumns } from "./label-columns";
import type { TypedCell } from "./table";

describe("withLabelColumns", () => {
  const rows: TypedCell[][] = [
    [1, new TextEncoder().encode("F"), 10],
    [2, "M", null],
    [3, "X", 30],
  ];
  const table = { columns: [{ name: "id", type: "number" as const }, { name: "sex", type: "text" as const }, { name: "score", type: "number" as const }], rows };
  const codeLabels = { sex: [{ value: "F", label: "Female" }, { value: "M", label: "Male" }], score: [{ value: 10, label: "low" }] };

  it("puts a column of labels beside each labelled column, a code without a label given none", () => {
    const both = withLabelColumns(table, codeLabels);
    expect(both.columns.map((c) => `${c.name}:${c.type}`)).toEqual(["id:number", "sex:text", "sex_label:text", "score:number", "score_label:text"]);
    // Each row is taken before the next is asked for (the array may be filled again).
    const seen: TypedCell[][] = [];
    for (const row of both.rows) seen.push([...row]);
    expect(seen.map((r) => [r[2], r[3], r[4]])).toEqual([["Female", 10, "low"], ["Male", null, null], [null, 30, null]]);
  });

  it("names a label column so that it is unique, and leaves a table without labels as it is", () => {
    const taken = { ...table, columns: [...table.columns, { name: "sex_label", type: "text" as const }], rows: rows.map((r) => [...r, "x"]) };
    expect(withLabelColumns(taken, { sex: codeLabels.sex }).columns.map((c) => c.name)).toEqual(["id", "sex", "sex_label_2", "score", "sex_label"]);
    expect(withLabelColumns(table, {})).toBe(table);
  });
});
