import { appTest as test, expect } from "../support/test";
import { addFiles, openApp, openParsePanel, reread, rowTexts, stagingArea } from "../support/app";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { xlsx } from "../support/files";

// A report's workbook opens on a cover sheet (a title, who prepared it, "see the Data sheet"): the first sheet
// was read, and staged a column of its prose.
test("a workbook whose first sheet is a cover stages its largest other sheet and says so; the cover can still be chosen", async ({ page }) => {
  await openApp(page);
  const data: unknown[][] = [["Region", "Rep", "Amount"]];
  for (let i = 0; i < 12; i++) data.push([i % 2 ? "North" : "South", `rep ${i}`, 1000 + i]);
  const content = await xlsx([
    { sheet: "Cover", rows: [["Quarterly sales report"], ["Prepared by finance"], [], ["See the Data sheet."]] },
    { sheet: "Data", rows: data },
    { sheet: "Notes", rows: [["note", "by"], ["checked", "Ann"]] },
  ]);
  await addFiles(page, [{ name: "report.xlsx", content }]);
  await expect(stagingArea(page).getByRole("listitem").filter({ hasText: "report.xlsx" })).toContainText("12 rows");
  await expect.poll(() => rowTexts(page, "Staged data", 2)).toEqual(["South", "rep 0", "1000"]);
  const panel = await openParsePanel(page);
  await expect(panel.getByText("Read the sheet “Data”, the largest of the others: the first, “Cover”, holds no table (a few values in one column). Choose another under Sheet.")).toBeVisible();
  await expect(panel.getByLabel("Sheet")).toHaveValue("Data");

  await reread(page, { Sheet: "Cover" });
  await expect(stagingArea(page).getByRole("listitem").filter({ hasText: "report.xlsx" })).toContainText("3 rows");
  await expect(page.getByText(/holds no table/)).toHaveCount(0);
});

// A workbook's lists for drop-downs often sit on a hidden sheet, first: Excel opens on the first sheet shown, and
// the reader read the hidden one.
test("a workbook's hidden first sheet is not read unless chosen: the first sheet shown is", async ({ page }) => {
  await openApp(page);
  const book = await xlsx([
    { sheet: "Lists", rows: [["status", "code"], ["open", 1], ["closed", 2]] },
    { sheet: "Orders", rows: [["id", "status"], [10, "open"], [11, "closed"], [12, "open"]] },
  ]);
  const parts = unzipSync(book);
  parts["xl/workbook.xml"] = strToU8(strFromU8(parts["xl/workbook.xml"]!).replace(/<sheet (?=[^>]*name="Lists")/, '<sheet state="hidden" '));
  await addFiles(page, [{ name: "orders.xlsx", content: Buffer.from(zipSync(parts)) }]);
  await expect(stagingArea(page).getByRole("listitem").filter({ hasText: "orders.xlsx" })).toContainText("3 rows");
  await expect.poll(() => rowTexts(page, "Staged data", 2)).toEqual(["10", "open"]);
  const sheet = (await openParsePanel(page)).getByLabel("Sheet");
  await expect(sheet).toHaveValue("Orders");
  await expect(sheet.getByRole("option")).toHaveText(["Lists (hidden)", "Orders"]);
  await reread(page, { Sheet: "Lists" });
  await expect.poll(() => rowTexts(page, "Staged data", 2)).toEqual(["open", "1"]);
});
