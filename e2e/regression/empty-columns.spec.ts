import { appTest as test, expect } from "../support/test";
import { addFiles, openApp, openParsePanel, stagedGrid, stagingArea } from "../support/app";

// A sheet where a cell was once typed in and cleared saves as CSV with ,,, ending every line: those
// columns staged as column2, column3… with nothing in them.
test("columns with no name and no value are left out, and the file says so", async ({ page }) => {
  await openApp(page);
  await addFiles(page, [{ name: "prices.csv", content: "name,amount,,,\nTea,1.5,,,\nCoffee,2,,,\n" }]);
  await expect(stagingArea(page).getByRole("listitem").filter({ hasText: "prices.csv" })).toContainText("2 rows");
  await expect(stagedGrid(page).getByRole("columnheader")).toHaveText(["name", "amount"]);
  await expect((await openParsePanel(page)).getByText("Left out: 3 columns with no name and no value (column2, column3, column4).")).toBeVisible();
});
