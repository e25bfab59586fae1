import ExcelJS from "exceljs";
import { readSheet } from "read-excel-file/node";
import { describe, expect, it } from "vitest";
import { scannedRows } from "./sheet-scan";
import { showAsFormatted } from "./shown-formats";

// The app's scan of a sheet gives read-excel-file's rows for workbooks of a second writer, ExcelJS (as Node and web
// applications write them): formulas and their results, rich text, hyperlinks, errors, dates in many formats, merged
// cells, 1904 dates, a sheet chosen by name.

async function compare(build: (workbook: ExcelJS.Workbook) => void, sheet?: string) {
  const workbook = new ExcelJS.Workbook();
  build(workbook);
  const bytes = new Uint8Array((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
  const expected = await readSheet(Buffer.from(bytes), sheet, { trim: true });
  showAsFormatted(bytes, sheet, expected as unknown[][]);
  const scanned = await scannedRows(bytes, sheet);
  expect(scanned).not.toBeNull();
  expect(scanned).toEqual(expected);
  return scanned!;
}

const utc = (...parts: [number, number, number, number?, number?, number?]) => new Date(Date.UTC(parts[0], parts[1], parts[2], parts[3] ?? 0, parts[4] ?? 0, parts[5] ?? 0));

describe("scannedRows, on workbooks ExcelJS writes", () => {
  it("reads values, formulas' results, rich text, hyperlinks, errors and formats as read-excel-file does", async () => {
    const rows = await compare((workbook) => {
      const sheet = workbook.addWorksheet("Data");
      sheet.addRow(["id", "name", "when", "day", "time", "hours", "amount", "zip", "rich", "link", "formula", "text formula", "flag", "error"]);
      sheet.addRow([1, "  Ada  ", utc(2024, 0, 2, 3, 4, 5), utc(2024, 0, 2), utc(1899, 11, 30, 13, 45), 1.5, 1234.5, 2134, { richText: [{ text: "bo", font: { bold: true } }, { text: "ld" }] }, { text: "site", hyperlink: "https://example.org/?a=1&b=2" }, { formula: "A2*2", result: 2 }, { formula: 'B2&"!"', result: "Ada!" }, true, { error: "#N/A" }]);
      sheet.addRow([2, "Bo & <Co> \"q\" 'a'", utc(2024, 11, 31, 23, 59, 59), null, null, null, -0.25, 501, "line\nbreak", null, { formula: "1/0", result: { error: "#DIV/0!" } }, { formula: '""', result: "" }, false, null]);
      sheet.addRow([]);
      sheet.addRow([4, "Zoë 😀", utc(1900, 1, 28), utc(1900, 2, 1), null, 36, 1e21, 0, null, null, { formula: "TRUE()", result: true }]);
      sheet.getColumn(3).numFmt = "yyyy-mm-dd hh:mm:ss";
      sheet.getColumn(4).numFmt = "d mmm yyyy";
      sheet.getColumn(5).numFmt = "hh:mm";
      sheet.getColumn(6).numFmt = "[h]:mm";
      sheet.getColumn(7).numFmt = "#,##0.00 €";
      sheet.getColumn(8).numFmt = "00000";
      sheet.mergeCells("I4:J4");
    });
    expect(rows[1]![1]).toBe("Ada");
    expect(rows[1]![8]).toBe("bold");
  });

  it("reads a 1904 workbook's dates, a sheet chosen by name, and many rows with shared formulas", async () => {
    await compare((workbook) => {
      workbook.properties.date1904 = true;
      workbook.addWorksheet("Cover").addRow(["Report"]);
      const sheet = workbook.addWorksheet("Rows");
      sheet.addRow(["n", "double", "date", "label"]);
      for (let i = 1; i <= 3_000; i++) {
        const row = sheet.addRow([i, i === 1 ? { formula: "A2*2", result: 2, shareType: "shared", ref: "B2:B3001" } : { sharedFormula: "B2", result: i * 2 }, utc(2020, 0, 1 + (i % 400), i % 24), i % 7 === 0 ? null : `label ${i % 50}`]);
        row.getCell(3).numFmt = i % 2 ? "yyyy-mm-dd" : "m/d/yy h:mm";
      }
    }, "Rows");
  });
});
