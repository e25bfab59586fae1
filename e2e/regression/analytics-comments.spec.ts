import { appTest as test, expect } from "../support/test";
import { addFiles, openApp, openParsePanel, rowTexts, stagedGrid, stagingArea } from "../support/app";

// Google Analytics writes its report's name, account and dates as # lines above the table, more of them than a
// small report has rows: they were taken for the table (one column wide), its header for line 1, and the
// comment line that repeats was set aside as "the header again".
test("a Google Analytics export stages below its comment lines, every line accounted for", async ({ page }) => {
  await openApp(page);
  const content = [
    "# ----------------------------------------",
    "# Pages and screens: Page title and screen class",
    "# Account: Demo Account",
    "# Property: GA4 - Google Merch Shop",
    "# ----------------------------------------",
    "#",
    "# Start date: 20240101",
    "# End date: 20240131",
    "Page title and screen class,Views,Users,Views per user",
    "Home,12345,4567,2.7",
    "Shopping Cart,2345,1234,1.9",
    "Apparel | Google Merchandise Store,1111,999,1.11",
  ].join("\n") + "\n";
  await addFiles(page, [{ name: "pages.csv", content }]);
  await expect(stagingArea(page).getByRole("listitem").filter({ hasText: "pages.csv" })).toContainText("3 rows");
  await expect(stagedGrid(page).getByRole("columnheader")).toHaveText(["Page title and screen class", "Views", "Users", "Views per user"]);
  await expect.poll(() => rowTexts(page, "Staged data", 4)).toEqual(["Apparel | Google Merchandise Store", "1111", "999", "1.11"]);
  const panel = await openParsePanel(page);
  await expect(panel).toContainText("Lines: 12 lines = 3 in 3 rows + 1 header + 8 above the table.");
  await expect(panel).not.toContainText("the header again");
});

// A comment line among the rows was counted as a line of the rows ("5 in 4 rows"), as if a value spanned two lines.
test("comment lines below the header are counted as comments", async ({ page }) => {
  await openApp(page);
  const content = ["# ----------------------------------------", "# All Web Site Data", "# Audience Overview", "# 20240101-20240131", "# ----------------------------------------", "", "Day Index,Users", "2024-01-01,120", "2024-01-02,135", "# sampled", "2024-01-03,150", "", "# ----------------------------------------"].join("\n") + "\n";
  await addFiles(page, [{ name: "audience.csv", content }]);
  await expect(stagingArea(page).getByRole("listitem").filter({ hasText: "audience.csv" })).toContainText("3 rows");
  await expect((await openParsePanel(page)).getByText("Lines: 13 lines = 3 in 3 rows + 1 header + 6 above the table + 2 below it + 1 comment.")).toBeVisible();
});
