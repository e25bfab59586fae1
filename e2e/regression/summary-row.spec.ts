import { expect, test } from "@playwright/test";
import { addFiles, openApp, openParsePanel, reread, stagedGrid, stagingArea } from "../support/app";
import { xlsx } from "../support/files";

// Reports end with a Total row: it was read as a row, so its label made the id column text and the
// total counted twice in any sum.
test("a summary row at the end is left out below the table and shown; the user can read it back as a row", async ({ page }) => {
  await openApp(page);
  await addFiles(page, [{ name: "report.csv", content: "id,region,amount\n1,North,2.5\n2,South,3.5\nTotal,,6\n" }]);
  await expect(stagingArea(page).getByRole("listitem").filter({ hasText: "report.csv" })).toContainText("2 rows");
  await expect(stagedGrid(page).getByRole("columnheader").filter({ hasText: "id" })).toHaveAttribute("title", "id (BIGINT)");
  const panel = await openParsePanel(page);
  await expect(panel.getByText("Left out below the table as a summary row")).toContainText("Total,,6");
  await expect(panel.getByText("Lines: 4 lines = 2 in 2 rows + 1 header + 1 below it.")).toBeVisible();

  await reread(page, { "Lines below the table": "0" });
  await expect(stagingArea(page).getByRole("listitem").filter({ hasText: "report.csv" })).toContainText("3 rows");
  await expect(stagedGrid(page).getByRole("columnheader").filter({ hasText: "id" })).toHaveAttribute("title", "id (VARCHAR)");
});

test("a sheet's Total row is left out below the table too, and shown", async ({ page }) => {
  await openApp(page);
  const workbook = await xlsx([{ sheet: "Sales", rows: [["id", "region", "amount"], [1, "North", 2.5], [2, "South", 3.5], [null, null, null], ["Total", null, 6]] }]);
  await addFiles(page, [{ name: "sales.xlsx", content: workbook, mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" }]);
  await expect(stagingArea(page).getByRole("listitem").filter({ hasText: "sales.xlsx" })).toContainText("2 rows");
  await expect(stagedGrid(page).getByRole("columnheader").filter({ hasText: "id" })).toHaveAttribute("title", "id (BIGINT)");
  await expect((await openParsePanel(page)).getByText("Left out below the table as a summary row")).toContainText("Total,,6");
});
