import { strToU8, zipSync } from "fflate";
import { appTest as test, expect } from "./support/test";
import { addFiles, openApp, openParsePanel, reread, rowTexts, stagingArea } from "./support/app";

const NS =
  'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" ' +
  'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" ' +
  'xmlns:calcext="urn:org:documentfoundation:names:experimental:calc:xmlns:calcext:1.0"';
const text = (t: string) => `<table:table-cell office:value-type="string" calcext:value-type="string"><text:p>${t}</text:p></table:table-cell>`;
const num = (value: number, shown = String(value), type = "float") => `<table:table-cell office:value-type="${type}" office:value="${value}" calcext:value-type="${type}"><text:p>${shown}</text:p></table:table-cell>`;
const date = (iso: string, shown: string) => `<table:table-cell office:value-type="date" office:date-value="${iso}" calcext:value-type="date"><text:p>${shown}</text:p></table:table-cell>`;
const bool = (b: boolean) => `<table:table-cell table:formula="of:=${b ? "TRUE" : "FALSE"}()" office:value-type="float" office:value="${b ? 1 : 0}" calcext:value-type="float"><text:p>${b ? "TRUE" : "FALSE"}</text:p></table:table-cell>`;
// LibreOffice fills each row to the sheet's last column, and the sheet to its last row, with repeated empty cells.
const row = (cells: string, repeat = 1) =>
  `<table:table-row table:style-name="ro1"${repeat > 1 ? ` table:number-rows-repeated="${repeat}"` : ""}>${cells}<table:table-cell table:number-columns-repeated="16378"/></table:table-row>`;
const table = (name: string, rows: string, style = "ta1") =>
  `<table:table table:name="${name}" table:style-name="${style}"><table:table-column table:number-columns-repeated="16384"/>${rows}<table:table-row table:number-rows-repeated="1048570"><table:table-cell table:number-columns-repeated="16384"/></table:table-row></table:table>`;

/** An OpenDocument spreadsheet as LibreOffice Calc saves one: a cover sheet, the data (one row written twice as a repeat), and a hidden sheet of lists. */
function ods(): Buffer {
  const styles =
    '<style:style style:name="ta1" style:family="table"><style:table-properties table:display="true"/></style:style>' +
    '<style:style style:name="ta2" style:family="table"><style:table-properties table:display="false"/></style:style>';
  const data =
    row(text("id") + text("zip") + text("amount") + text("day") + text("at") + text("ok")) +
    row(num(1) + num(2134, "02134") + num(1234.5, "1,234.50 €", "currency") + date("2024-01-05", "05/01/2024") + date("2024-01-05T13:45:00", "2024-01-05 13:45") + bool(true), 2) +
    row(num(3) + num(501, "00501") + num(-3, "-3.00 €", "currency") + date("2024-02-29", "29/02/2024") + date("2024-03-01T08:00:00", "2024-03-01 08:00") + bool(false));
  const content =
    `<?xml version="1.0" encoding="UTF-8"?><office:document-content ${NS} office:version="1.3"><office:automatic-styles>${styles}</office:automatic-styles>` +
    `<office:body><office:spreadsheet>${table("Cover", row(text("Quarterly report")) + row(text("See the Data sheet &amp; its notes")))}${table("Data", data)}${table("Lists", row(text("status")) + row(text("open")), "ta2")}</office:spreadsheet></office:body></office:document-content>`;
  return Buffer.from(
    zipSync({ mimetype: [strToU8("application/vnd.oasis.opendocument.spreadsheet"), { level: 0 }], "content.xml": strToU8(content), "META-INF/manifest.xml": strToU8("<manifest:manifest/>") }),
  );
}

// An .ods file (LibreOffice, a spreadsheet download) was refused: "This is an OpenDocument spreadsheet …, which Stages cannot read."
test("an OpenDocument spreadsheet stages as a workbook does: its data sheet past the cover, typed, its sheets to choose", async ({ page }) => {
  await openApp(page);
  await addFiles(page, [{ name: "report.ods", content: ods(), mimeType: "application/vnd.oasis.opendocument.spreadsheet" }]);
  await expect(stagingArea(page).getByRole("listitem").filter({ hasText: "report.ods" })).toContainText("3 rows");
  // Numbers as their value (not as shown), codes with their leading zeros, dates and timestamps, booleans.
  await expect.poll(() => rowTexts(page, "Staged data", 2)).toEqual(["1", "02134", "1234.5", "2024-01-05", "2024-01-05 13:45:00", "true"]);
  await expect.poll(() => rowTexts(page, "Staged data", 3)).toEqual(["1", "02134", "1234.5", "2024-01-05", "2024-01-05 13:45:00", "true"]);
  await expect.poll(() => rowTexts(page, "Staged data", 4)).toEqual(["3", "00501", "-3.0", "2024-02-29", "2024-03-01 08:00:00", "false"]);
  for (const [column, type] of [["zip", "VARCHAR"], ["amount", "DOUBLE"], ["day", "DATE"], ["at", "TIMESTAMP"], ["ok", "BOOLEAN"]]) {
    await expect(page.getByRole("listitem", { name: `Profile of ${column}` })).toContainText(`${column} ${type}`);
  }
  const panel = await openParsePanel(page);
  await expect(panel.getByText("Read the sheet “Data”, the largest of the others: the first, “Cover”, holds no table (a few values in one column). Choose another under Sheet.")).toBeVisible();
  await expect(panel.getByLabel("Sheet").getByRole("option")).toHaveText(["Cover", "Data", "Lists (hidden)"]);
  // Its other sheets shown stage each as its own file (the hidden one is left out).
  await panel.getByRole("button", { name: "Stage the other sheets, each as its own file" }).click();
  await expect(stagingArea(page).getByRole("listitem").filter({ has: page.getByRole("button", { name: "report-Cover.csv", exact: true }) })).toContainText("1 row");
  await expect(stagingArea(page).getByRole("listitem")).toHaveCount(2);
  await stagingArea(page).getByRole("button", { name: "report.ods", exact: true }).click();
  await reread(page, { Sheet: "Lists" });
  await expect(stagingArea(page).getByRole("listitem").filter({ hasText: "report.ods" })).toContainText("1 row");
  await expect.poll(() => rowTexts(page, "Staged data", 2)).toEqual(["open"]);
});

test("an OpenDocument file that is not a spreadsheet, or one whose content is broken, is refused with the reason", async ({ page }) => {
  await openApp(page);
  const odt = Buffer.from(zipSync({ mimetype: [strToU8("application/vnd.oasis.opendocument.text"), { level: 0 }], "content.xml": strToU8("<x/>") }));
  const broken = Buffer.from(zipSync({ mimetype: [strToU8("application/vnd.oasis.opendocument.spreadsheet"), { level: 0 }], "content.xml": strToU8(`<office:document-content ${NS}><office:body><table:table>`) }));
  await addFiles(page, [
    { name: "letter.odt", content: odt },
    { name: "broken.ods", content: broken },
  ]);
  await expect(page.getByRole("alert").filter({ hasText: "letter.odt" })).toContainText("This is an OpenDocument file, not a data file.");
  await expect(page.getByRole("alert").filter({ hasText: "broken.ods" })).toContainText("This is not a readable OpenDocument spreadsheet");
});
