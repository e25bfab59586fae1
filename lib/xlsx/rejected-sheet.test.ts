import { unzipSync, strFromU8 } from "fflate";
import { readSheet } from "read-excel-file/node";
import writeExcelFile from "write-excel-file/universal";
import { describe, expect, it } from "vitest";
import { FAILING_FILL, rejectedSheet } from "./rejected-sheet";

const columns = ["_line", "id", "email", "amount", "_errors"];
const rows = [
  ["3", "2", null, "5", '"email" is required (value: empty)'],
  ["5", "4", "=HYPERLINK(\"x\")", "abc", '"amount" must be a number (value: abc); rows must satisfy id <> 4'],
];
const failing = [["email"], ["amount", "*"]];

describe("rejectedSheet", () => {
  it("fills the cells a rule failed on (every cell for a rule on the whole row), never the line or the reasons", () => {
    const sheet = rejectedSheet(columns, rows, failing);
    const filled = sheet.map((row) => row.map((cell) => (cell && typeof cell === "object" && "backgroundColor" in cell ? cell.backgroundColor : "")));
    expect(filled).toEqual([
      ["", "", "", "", ""],
      ["", "", FAILING_FILL, "", ""],
      ["", FAILING_FILL, FAILING_FILL, FAILING_FILL, ""],
    ]);
  });

  it("writes a workbook that reads back as text, with formulas kept as text, and the fills in its styles", async () => {
    const blob = await writeExcelFile(rejectedSheet(columns, rows, failing)).toBlob();
    const bytes = new Uint8Array(await blob.arrayBuffer());
    const read = await readSheet(Buffer.from(bytes));
    expect(read.map((r) => r.map((v) => (v === null ? null : String(v))))).toEqual([columns, ...rows]);
    const files = unzipSync(bytes);
    const styles = strFromU8(files["xl/styles.xml"]!);
    expect(styles).toContain(FAILING_FILL.slice(1));
    expect(strFromU8(files["xl/worksheets/sheet1.xml"]!)).not.toContain("<f>");
  });
});
