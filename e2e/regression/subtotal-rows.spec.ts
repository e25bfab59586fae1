import { expect, test } from "@playwright/test";
import { addFiles, openApp, openParsePanel, rowTexts, stagedGrid, stagingArea } from "../support/app";
import { xlsx } from "../support/files";

// A pivot table or a QuickBooks report saved as CSV has subtotal rows among its rows (North Total, Total
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
