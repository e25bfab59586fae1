import { describe, expect, it } from "vitest";
import { blockEdits, pastedCells, type PasteTarget } from "./paste-block";

describe("pastedCells", () => {
  it("splits a spreadsheet's copied cells by line and tab, quoted cells whole", () => {
    expect(pastedCells("a\tb\r\nc\t\r\n")).toEqual([["a", "b"], ["c", ""]]);
    expect(pastedCells('"two\nlines"\t"say ""hi"""\nx\ty')).toEqual([["two\nlines", 'say "hi"'], ["x", "y"]]);
    expect(pastedCells("5 \"inch\"\tz")).toEqual([['5 "inch"', "z"]]);
  });
});

describe("blockEdits", () => {
  const rows = [
    ["1", "Ada", "10"],
    ["2", null, "5"],
    ["3", "Grace", "7"],
  ];
  const target: PasteTarget = {
    columns: [{ name: "id", type: "BIGINT" }, { name: "name", type: "VARCHAR" }, { name: "amount", type: "DOUBLE" }],
    order: [0, 1, 2],
    rowCount: 3,
    shown: (row, col) => rows[row]?.[col],
    rowId: (row) => row + 10,
  };

  it("edits from the active cell down and right, by staged row id, leaving cells that already hold the value", () => {
    expect(blockEdits([["Bo", "5"], ["Grace", "8.5"]], { row: 1, col: 1 }, target)).toEqual({
      edits: [
        { row: 12, column: "name", from: null, to: "Bo" },
        { row: 13, column: "amount", from: "7", to: "8.5" },
      ],
    });
  });

  it("follows the columns in the order shown (a pinned column first)", () => {
    expect(blockEdits([["9", "4"]], { row: 0, col: 2 }, { ...target, order: [2, 0, 1] })).toEqual({ edits: [{ row: 11, column: "amount", from: "10", to: "9" }, { row: 11, column: "id", from: "1", to: "4" }] });
  });

  it("refuses the whole paste with where and why", () => {
    expect(blockEdits([["x"]], { row: 0, col: 2 }, target)).toEqual({ problem: "Row 1, amount: a number is needed here (DOUBLE)" });
    expect(blockEdits([["1"], ["2"], ["3"]], { row: 1, col: 0 }, target)).toMatchObject({ problem: expect.stringMatching(/run past the last row/) });
    expect(blockEdits([["a", "b"]], { row: 0, col: 2 }, target)).toMatchObject({ problem: expect.stringMatching(/run past the last column/) });
    expect(blockEdits([["a"]], { row: 0, col: 1 }, { ...target, editable: ["amount"] })).toEqual({ problem: "name cannot be edited here." });
    expect(blockEdits([["a"], ["b"]], { row: 1, col: 1 }, { ...target, shown: (row, col) => (row < 2 ? rows[row]![col] : undefined) })).toMatchObject({ problem: "Row 3 is not loaded yet: paste fewer rows at a time." });
    expect(blockEdits(Array.from({ length: 501 }, () => ["a", "b"]), { row: 0, col: 0 }, { ...target, rowCount: 600 })).toMatchObject({ problem: expect.stringMatching(/^A paste edits at most 1,000 cells; this one holds 1,002/) });
  });
});
