import { appTest as test, expect } from "./support/test";
import { openApp, paste, stagedGrid, stagedItem, stagingArea } from "./support/app";


test("rows pasted from a spreadsheet stage as a TSV file, read with the header and types a dropped one gets", async ({ page }) => {
  await openApp(page);
  // What Excel and Google Sheets put on the clipboard: tab-separated text (CRLF lines) beside an HTML table.
  await paste(page, {
    "text/plain": "city\tpopulation\r\nLondon\t8,866,180\r\nParis\t2,102,650\r\nRome\t2,748,109\r\n",
    "text/html": "<meta charset='utf-8'><table><tr><td>city</td></tr></table>",
  });
  await expect(stagedItem(page, "pasted-table-1.tsv")).toContainText("3 rows");
  await expect(stagedGrid(page).getByRole("columnheader", { name: /^population/ })).toBeVisible();
  // The grouped numbers are read as numbers, as in a dropped file.
  await expect(stagedGrid(page).getByRole("gridcell", { name: "8866180", exact: true })).toBeVisible();
  // A second paste is another file: the staging area keeps both.
  await paste(page, { "text/plain": "id,name\n1,Ada\n2,Grace\n" });
  await expect(stagedItem(page, "pasted-table-2.csv")).toContainText("2 rows");
  await expect(stagedItem(page, "pasted-table-1.tsv")).toBeVisible();
});

test("a web page's table pastes as HTML, JSON text as JSON, and one line is said not to be a table", async ({ page }) => {
  await openApp(page);
  await paste(page, {
    "text/plain": "Name\nAda\nGrace",
    "text/html": "<meta charset='utf-8'><table><thead><tr><th>Name</th><th>Born</th></tr></thead><tbody><tr><td>Ada</td><td>1815</td></tr><tr><td>Grace</td><td>1906</td></tr></tbody></table>",
  });
  await expect(stagedItem(page, "pasted-table-1.html")).toContainText("2 rows");
  await paste(page, { "text/plain": '[{"sku": "A-1", "qty": 3}, {"sku": "B-2", "qty": 5}, {"sku": "C-3", "qty": 1}]' });
  await expect(stagedItem(page, "pasted-table-2.json")).toContainText("3 rows");
  await paste(page, { "text/plain": "just a note" });
  await expect(page.getByRole("alert").filter({ hasText: "The pasted text is one line, not a table" })).toBeVisible();
  await expect(stagingArea(page).getByRole("listitem")).toHaveCount(2);
});

test("a paste into a text field stays in the field", async ({ page }) => {
  await openApp(page);
  await paste(page, { "text/plain": "id,name\n1,Ada\n" });
  await expect(stagedItem(page, "pasted-table-1.csv")).toContainText("1 row");
  const field = page.getByRole("textbox").first();
  await field.focus();
  await paste(page, { "text/plain": "id,name\n2,Grace\n" }, "input:focus, textarea:focus, [contenteditable]:focus");
  // Had the field's paste been staged, this one would be the third pasted table.
  await paste(page, { "text/plain": "id,name\n3,Edsger\n4,Barbara\n" });
  await expect(stagedItem(page, "pasted-table-2.csv")).toContainText("2 rows");
  await expect(stagingArea(page).getByRole("listitem")).toHaveCount(2);
});
