import { readSheet } from "read-excel-file/node";
import writeExcelFile from "write-excel-file/universal";
import { describe, expect, it } from "vitest";
import { headWorkbook, holdsRows, holdsString, lastSharedString, sharedStringsHead, sheetHeadXml } from "./sheet-head";

const sheet = (rows: string) => `<?xml version="1.0"?><worksheet><dimension ref="A1:B9"/><sheetData>${rows}</sheetData><mergeCells count="0"/></worksheet>`;

describe("a sheet's first rows as XML of their own", () => {
  const xml = sheet(`<row r="1"><c r="A1" t="s"><v>0</v></c></row><row r="2"/><row r="3"><c r="A3" t="s"><v>4</v></c><c r="B3"><v>1.5</v></c></row><row r="4"><c r="A4" t="s"><v>9</v></c></row>`);

  it("counts whole rows, an empty one written as one tag too", () => {
    expect([holdsRows(xml, 4), holdsRows(xml, 5), holdsRows(xml.slice(0, xml.indexOf('<row r="3"')), 3)]).toEqual([true, false, false]);
  });

  it("cuts after the rows asked for and closes the sheet, without its dimension", () => {
    const head = sheetHeadXml(xml, 3)!;
    expect(head).toBe(`<?xml version="1.0"?><worksheet><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c></row><row r="2"/><row r="3"><c r="A3" t="s"><v>4</v></c><c r="B3"><v>1.5</v></c></row></sheetData></worksheet>`);
    expect(lastSharedString(head)).toBe(4);
    expect(sheetHeadXml(xml.slice(0, 60), 3)).toBeNull();
    expect(sheetHeadXml(xml.replaceAll("<row", "<x:row").replaceAll("</row>", "</x:row>"), 3)).toBeNull();
  });

  it("cuts the shared strings after the last one used", () => {
    const strings = `<sst count="4"><si><t>a</t></si><si/><si><r><t>b</t></r><r><t>c</t></r></si><si><t>d</t></si>`;
    expect(holdsString(strings, 3)).toBe(true);
    expect(holdsString(strings, 4)).toBe(false);
    expect(sharedStringsHead(strings, 2)).toBe(`<sst count="4"><si><t>a</t></si><si/><si><r><t>b</t></r><r><t>c</t></r></si></sst>`);
    expect(sharedStringsHead(strings, 4)).toBeNull();
  });
});

describe("headWorkbook", () => {
  it("reads as the whole sheet's first rows: shared strings, numbers, dates, booleans, formats", async () => {
    const header = ["id", "name", "day", "open", "zip"].map((value) => ({ value, type: String }));
    const rows = Array.from({ length: 3000 }, (_, i) => [
      { value: i, type: Number },
      { value: `person ${i}`, type: String },
      { value: new Date(Date.UTC(2024, 0, 1 + (i % 365))), type: Date, format: "yyyy-mm-dd" },
      { value: i % 2 === 0, type: Boolean },
      { value: 2134 + i, type: Number, format: "00000" },
    ]);
    const sheets = [
      { sheet: "Cover", data: [[{ value: "A report", type: String }]] },
      { sheet: "Rows", data: [header, ...rows] },
    ];
    const bytes = new Uint8Array(await (await writeExcelFile(sheets).toBlob()).arrayBuffer());
    const head = headWorkbook(bytes, "Rows", 25)!;
    expect(head.length).toBeLessThan(bytes.length);
    const whole = (await readSheet(Buffer.from(bytes), "Rows")) as unknown[][];
    expect(await readSheet(Buffer.from(head), "Rows")).toEqual(whole.slice(0, 25));
    expect(await readSheet(Buffer.from(headWorkbook(bytes, undefined, 25)!))).toEqual([["A report"]]);
    expect(headWorkbook(bytes, "Nope", 25)).toBeNull();
  });

  it("gives null for bytes that are no workbook", () => {
    expect(headWorkbook(new TextEncoder().encode("id\n1\n"), undefined, 10)).toBeNull();
  });
});
