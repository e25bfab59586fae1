import { appTest as test, expect } from "../support/test";
import { addFiles, openApp, openParsePanel, rowTexts, stagedGrid, stagingArea } from "../support/app";

// Many web applications export "Excel" files that are an HTML table (report.xls): it was refused as a web
// page, "not a data file".
test("an 'Excel' export that is an HTML table stages as its table, title row and total left out", async ({ page }) => {
  await openApp(page);
  const html = `<html xmlns:x="urn:schemas-microsoft-com:office:excel"><head><meta charset="utf-8"></head><body>
<table border="1">
<tr><td colspan="3"><b>Sales report &ndash; Q3</b></td></tr>
<tr><th>Region</th><th>Owner</th><th>Amount</th></tr>
<tr><td>North</td><td>Smith &amp; Sons</td><td>1200.50</td></tr>
<tr><td>South</td><td>Jos&eacute;</td><td>300</td></tr>
<tr><td>Total</td><td></td><td>1500.50</td></tr>
</table></body></html>`;
  await addFiles(page, [{ name: "report.xls", content: html }]);
  await expect(stagingArea(page).getByRole("listitem").filter({ hasText: "report.xls" })).toContainText("2 rows");
  await expect(stagedGrid(page).getByRole("columnheader")).toHaveText(["Region", "Owner", "Amount"]);
  await expect.poll(() => rowTexts(page, "Staged data", 2)).toEqual(["North", "Smith & Sons", "1200.5"]);
  await expect.poll(() => rowTexts(page, "Staged data", 3)).toEqual(["South", "José", "300.0"]);
  await expect((await openParsePanel(page)).getByLabel("Format")).toHaveValue("html");
});

// A saved page holds a menu table and the data table: the one with the most cells is read, and the other can be chosen.
test("a page with several tables stages the biggest, and another can be chosen", async ({ page }) => {
  await openApp(page);
  const html = `<!DOCTYPE html><html><body><table><tr><td>Home</td><td>About</td></tr></table>
<table><tr><th>id</th><th>city</th></tr><tr><td>1</td><td>Oslo</td></tr><tr><td>2</td><td>Rome</td></tr></table></body></html>`;
  await addFiles(page, [{ name: "page.html", content: html }]);
  await expect(stagingArea(page).getByRole("listitem").filter({ hasText: "page.html" })).toContainText("2 rows");
  await expect(stagedGrid(page).getByRole("columnheader")).toHaveText(["id", "city"]);
  const panel = await openParsePanel(page);
  await expect(panel.getByLabel("Table")).toHaveValue("Table 2");
  await panel.getByLabel("Table").selectOption("Table 1");
  await panel.getByRole("button", { name: "Read again with these options" }).click();
  // One row of words is read as names over no rows, as a CSV file of one line is.
  await expect(stagedGrid(page).getByRole("columnheader")).toHaveText(["Home", "About"]);
  await expect(stagingArea(page).getByRole("listitem").filter({ hasText: "page.html" })).toContainText("0 rows");
});

// A saved page of several data tables (a report's, a table a region) could only be read one table at a time.
test("a page's other tables stage each as its own file, with where they came from", async ({ page }) => {
  await openApp(page);
  const table = (city: string, n: number) => `<table><tr><th>id</th><th>city</th></tr>${Array.from({ length: n }, (_, i) => `<tr><td>${i + 1}</td><td>${city}</td></tr>`).join("")}</table>`;
  await addFiles(page, [{ name: "regions.html", content: `<!DOCTYPE html><html><body>${table("Oslo", 3)}${table("Rome", 4)}<table><tr><td></td></tr></table></body></html>` }]);
  const item = (name: string) => stagingArea(page).getByRole("listitem").filter({ has: page.getByRole("button", { name, exact: true }) });
  await expect(item("regions.html")).toContainText("4 rows");
  await (await openParsePanel(page)).getByRole("button", { name: "Stage the other tables, each as its own file" }).click();
  await expect(item("regions-table-1.csv")).toContainText("3 rows");
  await expect(stagingArea(page).getByRole("listitem")).toHaveCount(2);
  const pageHash = /sha256 ([0-9a-f]{12})/.exec(await item("regions.html").innerText())![1]!;
  await stagingArea(page).getByRole("button", { name: "regions-table-1.csv", exact: true }).click();
  await expect((await openParsePanel(page)).getByText(`Made from Table 1 of regions.html (sha256 ${pageHash}), which the lineage of its versions names.`)).toBeVisible();
});
