import { appTest as test, expect } from "../support/test";
import { addFiles, openApp, openParsePanel, rowTexts, stagedGrid, stagingArea } from "../support/app";
import { xlsx } from "../support/files";

// A pivot table or a report saved as CSV has subtotal rows among its rows (North Total, Total
// Income): read as rows, every sum over the column counted their rows twice.
test("subtotal rows among the rows are set aside and shown; the user can rejoin one", async ({ page }) => {
  await openApp(page);
  const pivot = "Region,Product,Units\nNorth,A,10\nNorth,B,5\nNorth Total,,15\nSouth,A,3\nSouth Total,,3\nGrand Total,,18\n";
  await addFiles(page, [{ name: "pivot.csv", content: pivot }]);
  const item = stagingArea(page).getByRole("listitem").filter({ hasText: "pivot.csv" });
  await expect(item).toContainText("3 rows");
  await expect(stagedGrid(page).getByRole("columnheader").filter({ hasText: "Units" })).toHaveAttribute("title", "Units (BIGINT)");
  await expect.poll(() => rowTexts(page, "Staged data", 4)).toEqual(["South", "A", "3"]);
  await expect(page.getByRole("status").filter({ hasText: "set aside" })).toContainText("2 lines set aside");
  await expect(page.getByRole("textbox", { name: "Line 4" })).toHaveValue("North Total,,15");
  await expect(page.getByText("a subtotal, not a row of data (summed with the rows, it would count them twice)").first()).toBeVisible();
  await expect((await openParsePanel(page)).getByText("Lines: 7 lines = 3 in 3 rows + 1 header + 1 below it + 2 set aside.")).toBeVisible();

  // It was a row after all: rejoined, it reads as one.
  await page.getByRole("button", { name: "Rejoin line 6" }).click();
  await expect(item).toContainText("4 rows");
  await expect.poll(() => rowTexts(page, "Staged data", 5)).toEqual(["South Total", "", "3"]);
});

test("a sheet's subtotal rows are set aside too", async ({ page }) => {
  await openApp(page);
  const rows = [["Region", "Product", "Units"], ["North", "A", 10], ["North", "B", 5], ["North Total", null, 15], ["South", "A", 3], ["South Total", null, 3]];
  const workbook = await xlsx([{ sheet: "Pivot", rows }]);
  await addFiles(page, [{ name: "pivot.xlsx", content: workbook, mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" }]);
  await expect(stagingArea(page).getByRole("listitem").filter({ hasText: "pivot.xlsx" })).toContainText("3 rows");
  await expect(page.getByRole("status").filter({ hasText: "set aside" })).toContainText("2 lines set aside");
});

// QuickBooks writes a profit and loss report in two columns: a section's name on a line of its own ("Income"),
// its accounts indented below, then "Total Income" with every value given. The names and totals were read as
// rows, so a sum of the amounts counted each account twice, and the report's footer was set aside as a broken row.
test("a report's section names and section totals are set aside, and its footer is left out below", async ({ page }) => {
  await openApp(page);
  const report = [
    '"Profit and Loss"', '"Acme Inc"', '"January - December 2024"', "", '"","Total"',
    '"Income",""', '"   Sales","12,000.00"', '"   Services","3,000.00"', '"Total Income","$15,000.00"',
    '"Expenses",""', '"   Rent","6,000.00"', '"Total Expenses","$6,000.00"', '"Net Income","$9,000.00"',
    "", "", '"Cash Basis Tuesday, January 7, 2025 10:15 AM GMT-05:00"', "",
  ].join("\n");
  await addFiles(page, [{ name: "Acme Inc_Profit and Loss.csv", content: report }]);
  const item = stagingArea(page).getByRole("listitem").filter({ hasText: "Profit and Loss.csv" });
  await expect(item).toContainText("4 rows");
  await expect(page.getByRole("status").filter({ hasText: "set aside" })).toContainText("4 lines set aside");
  await expect(page.getByRole("textbox", { name: "Line 9" })).toHaveValue('"Total Income","$15,000.00"');
  await expect(page.getByRole("textbox", { name: "Line 6" })).toHaveValue('"Income",""');
  await expect((await openParsePanel(page)).getByText("Lines: 16 lines = 4 in 4 rows + 1 header + 4 above the table + 3 below it + 4 set aside.")).toBeVisible();
});
