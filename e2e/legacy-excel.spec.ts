import { readFileSync } from "node:fs";
import * as CFB from "cfb";
import { appTest as test, expect } from "./support/test";
import { addFiles, openApp, openParsePanel, openStep, reread, rowTexts, stagedItem, stagingArea } from "./support/app";

// An Excel 97–2003 workbook as LibreOffice Calc saves one (test/fixtures/xls/make-workbook.mjs): a cover sheet, the
// data, a hidden sheet of lists, 1,200 rows of shared strings, a text longer than a record.
const workbook = () => readFileSync(new URL("../test/fixtures/xls/workbook.xls", import.meta.url));
const item = (page: import("@playwright/test").Page, name: string) => stagingArea(page).getByRole("listitem").filter({ has: page.getByRole("button", { name, exact: true }) });

// An .xls file (a government portal's download, an old export) was refused: "This is a legacy Excel 97–2003 workbook (.xls) …, which Stages cannot read."
test("an Excel 97–2003 workbook stages as a workbook does: its largest sheet past the cover, typed, its sheets to choose", async ({ page }) => {
  await openApp(page);
  await addFiles(page, [{ name: "report.xls", content: workbook(), mimeType: "application/vnd.ms-excel" }]);
  await expect(stagedItem(page, "report.xls")).toContainText("1,200 rows");
  await expect.poll(() => rowTexts(page, "Staged data", 2)).toEqual(["0", "éword number 0 日"]);
  const panel = await openParsePanel(page);
  await expect(panel.getByText("Read the sheet “Many”, the largest of the others: the first, “Cover”, holds no table (a few values in one column). Choose another under Sheet.")).toBeVisible();
  await expect(panel.getByLabel("Sheet").getByRole("option")).toHaveText(["Cover", "Data", "Lists (hidden)", "Many", "Long"]);

  await reread(page, { Sheet: "Data" });
  await expect(stagedItem(page, "report.xls")).toContainText("4 rows");
  // Numbers as their value, codes with their leading zeros, dates, timestamps, times, durations as shown, booleans, formulas' values.
  await expect.poll(() => rowTexts(page, "Staged data", 2)).toEqual(["1", "02134", "Zoë Ångström", "1234.5", "2024-01-05", "2024-01-05 13:45:00", "13:45:00", "36:00:00", "true", "", "ab"]);
  await expect.poll(() => rowTexts(page, "Staged data", 3)).toEqual(["2", "00501", "日本語の名前", "-3.25", "2024-02-29", "2024-03-01 08:00:00", "08:05:00", "1:30:00", "false", "0.5", ""]);
  await openStep(page, "Validate");
  for (const [column, type] of [["id", "BIGINT"], ["zip", "VARCHAR"], ["amount", "DOUBLE"], ["day", "DATE"], ["at", "TIMESTAMP"], ["clock", "TIME"], ["paid", "BOOLEAN"], ["ratio", "DOUBLE"]]) {
    await expect(page.getByRole("listitem", { name: `Profile of ${column}` })).toContainText(`${column} ${type}`);
  }
  await reread(page, { Sheet: "Long" });
  await expect(stagedItem(page, "report.xls")).toContainText("2 rows");
  await expect.poll(async () => (await rowTexts(page, "Staged data", 2))[0]).toMatch(/^L{400}/);
});

// An Excel 5.0/95 workbook (an archive's older download) was refused as "written in an Excel version before 97".
test("an Excel 5.0/95 workbook stages as an Excel 97 one does", async ({ page }) => {
  await openApp(page);
  await addFiles(page, [{ name: "old.xls", content: readFileSync(new URL("../test/fixtures/xls/workbook-95.xls", import.meta.url)), mimeType: "application/vnd.ms-excel" }]);
  await expect(stagedItem(page, "old.xls")).toContainText("1,200 rows");
  await expect.poll(() => rowTexts(page, "Staged data", 2)).toEqual(["0", "éword number 0 日"]);
  await reread(page, { Sheet: "Data" });
  await expect.poll(() => rowTexts(page, "Staged data", 2)).toEqual(["1", "02134", "Zoë Ångström", "1234.5", "2024-01-05", "2024-01-05 13:45:00", "13:45:00", "36:00:00", "true", "", "ab"]);
});

test("an Office 97–2003 file that is no workbook, and an encrypted one, say so and what to do", async ({ page }) => {
  await openApp(page);
  const compound = (streams: Record<string, number>) => {
    const container = CFB.utils.cfb_new();
    for (const [name, size] of Object.entries(streams)) CFB.utils.cfb_add(container, `/${name}`, new Uint8Array(size));
    return Buffer.from(CFB.write(container, { type: "buffer" }) as Uint8Array);
  };
  await addFiles(page, [{ name: "minutes.xls", content: compound({ WordDocument: 4096 }), mimeType: "application/vnd.ms-excel" }]);
  await expect(page.getByRole("alert").filter({ hasText: "minutes.xls" })).toContainText(
    "This Excel 97–2003 file cannot be read: it holds no workbook: it is another Office 97–2003 document (a Word .doc, a PowerPoint .ppt, an Outlook .msg). Open it in Excel or LibreOffice, save it as .xlsx or CSV, and stage that.",
  );
  await addFiles(page, [{ name: "salaries.xlsx", content: compound({ EncryptionInfo: 600, EncryptedPackage: 4096 }), mimeType: "application/vnd.ms-excel" }]);
  await expect(page.getByRole("alert").filter({ hasText: "salaries.xlsx" })).toContainText("it is encrypted with a password. Open it in Excel or LibreOffice, save it as .xlsx or CSV without a password, and stage that.");
});
