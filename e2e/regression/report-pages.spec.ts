import { appTest as test, expect } from "../support/test";
import { addFiles, openApp, rowTexts, stagedGrid, stagingArea } from "../support/app";

// A report printed to CSV page by page: the title above the header made the file read with no header and every
// column text, and each later page's title line, read as a row, kept the first column text.
test("a report's pages read as one table: the title above the header, and each page's title and header again, set aside", async ({ page }) => {
  await openApp(page);
  const rows = (from: number) => Array.from({ length: 6 }, (_, i) => `${from + i},x${from + i},${from + i}.5`);
  const content = ["Sales report,,", "id,name,amount", ...rows(1), "", "Page 2,,", "id,name,amount", ...rows(7)].join("\r\n") + "\r\n";
  await addFiles(page, [{ name: "report.csv", content }]);
  await expect(stagingArea(page).getByRole("listitem").filter({ hasText: "report.csv" })).toContainText("12 rows");
  await expect(stagedGrid(page).getByRole("columnheader")).toHaveText(["id", "name", "amount"]);
  await expect.poll(() => rowTexts(page, "Staged data", 8)).toEqual(["7", "x7", "7.5"]);
  await expect(page.getByRole("status").filter({ hasText: "set aside" })).toContainText("2 lines set aside");
  await expect(page.getByRole("list", { name: "Lines set aside from report.csv" })).toContainText("a heading among the rows (a page's or a group's title), not a row of data");
});
