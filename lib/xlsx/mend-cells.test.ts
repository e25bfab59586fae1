import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { readSheet } from "read-excel-file/node";
import writeExcelFile from "write-excel-file/universal";
import { describe, expect, it } from "vitest";
import { describeMendedCells, mendCells, REFUSED_CELL } from "./mend-cells";
import { sharedStringCount } from "./sheet-head";

const row = (cells: string) => `<worksheet><sheetData><row r="1">${cells}</row></sheetData></worksheet>`;

describe("mendCells", () => {
  it("keeps a value its type does not allow as its text, and empties a cell without one", () => {
    const { xml, mended } = mendCells(
      row(`<c r="A1" t="b"><v>true</v></c><c r="B1" s="2"><v>n/a</v></c><c r="C1" t="s"><v>7</v></c><c r="D1" t="s"/><c r="E1" t="d"><v>soon</v></c><c r="F1" t="x"><v>?</v></c><c r="G1" t="str"/>`),
      5,
    );
    expect(xml).toBe(row(`<c r="A1" t="str"><v>true</v></c><c r="B1" s="2" t="str"><v>n/a</v></c><c r="C1"/><c r="D1"/><c r="E1" t="str"><v>soon</v></c><c r="F1" t="str"><v>?</v></c><c r="G1"/>`));
    expect(mended.map((m) => [m.cell, m.type, m.read])).toEqual([
      ["A1", "boolean", "text"],
      ["B1", "number", "text"],
      ["C1", "shared string", "empty"],
      ["D1", "shared string", "empty"],
      ["E1", "date", "text"],
      ["F1", "unknown", "text"],
      ["G1", "text", "empty"],
    ]);
  });

  it("leaves the cells the reader takes as they are", () => {
    const cells = row(`<c r="A1" t="b"><v>1</v></c><c r="B1"><v>1.5e3</v></c><c r="C1" t="s"><v>4</v></c><c r="D1"/><c r="E1" t="inlineStr"><is><t>x</t></is></c><c r="F1" t="e"><v>#N/A</v></c><c r="G1" t="d"><v>2024-01-02</v></c><c r="H1"><f>A1</f><v></v></c>`);
    expect(mendCells(cells, 5)).toEqual({ xml: cells, mended: [] });
    // Shared strings the workbook keeps where they cannot be counted: their indexes are left as they are.
    expect(mendCells(row(`<c r="A1" t="s"><v>70</v></c>`), Infinity).mended).toEqual([]);
  });

  it("makes a workbook the reader refused readable, each cell read as mended", async () => {
    const data = [[{ value: "id" }, { value: "ok" }], [{ value: 1 }, { value: true }], [{ value: 2 }, { value: false }]];
    const parts = unzipSync(new Uint8Array(await (await writeExcelFile(data).toBlob()).arrayBuffer()));
    const sheet = strFromU8(parts["xl/worksheets/sheet1.xml"]!).replace(/(<c r="B2"[^>]*>)<v>1<\/v>/, "$1<v>TRUE</v>").replace(/(<c r="A3"[^>]*>)<v>2<\/v>/, "$1<v>two</v>");
    const refused = await readSheet(Buffer.from(zipSync({ ...parts, "xl/worksheets/sheet1.xml": strToU8(sheet) }))).catch((e: Error) => e.message);
    expect(refused).toMatch(REFUSED_CELL);
    const { xml, mended } = mendCells(sheet, sharedStringCount(strFromU8(parts["xl/sharedStrings.xml"]!)));
    expect(await readSheet(Buffer.from(zipSync({ ...parts, "xl/worksheets/sheet1.xml": strToU8(xml) })))).toEqual([["id", "ok"], [1, "TRUE"], ["two", false]]);
    expect(describeMendedCells({ count: mended.length, first: mended })).toBe(
      "2 cells hold values their type does not allow (as programs other than Excel write them): B2 (“TRUE” in a boolean cell), A3 (“two” in a number cell); read as their text.",
    );
  });

  it("says a cell without its value, and how many more there are", () => {
    const first = [{ cell: "D1", text: "", type: "shared string" as const, read: "empty" as const }];
    expect(describeMendedCells({ count: 1, first })).toBe("A cell holds a value its type does not allow (as programs other than Excel write them): D1 (a shared string cell without its value); read as empty.");
    expect(describeMendedCells({ count: 9, first })).toMatch(/D1 \(a shared string cell without its value\) and 8 more; read as empty\.$/);
  });
});
