import { appTest as test, expect } from "../support/test";
import { addFiles, openApp, rowTexts, stagedGrid, stagingArea } from "../support/app";

// Found by reading files with several faults at once: two exports joined with a blank line between them were
// read as a table and "a second table below the rows" (the second export's rows left out), and a last row
// whose first value opened a quote never closed was taken for a note below the table (its row left out).
test("files joined with a blank line between them stage as one table, and a last row with a stray quote is mended", async ({ page }) => {
  await openApp(page);
  const rows = (from: number) => Array.from({ length: 5 }, (_, i) => `${from + i},item ${from + i},${(from + i) * 2}.5,"note ${from + i}",Ann Lee`);
  const header = "id,name,amount,note,owner";
  const text = [header, ...rows(1), "", header, ...rows(6), `"11,item 11,22.5,"note 11",Ann Lee`, ""].join("\n");
  await addFiles(page, [{ name: "joined-exports.csv", content: text }]);

  await expect(stagingArea(page).getByRole("listitem").filter({ hasText: "joined-exports.csv" })).toContainText("11 rows");
  await expect(stagedGrid(page).getByRole("columnheader")).toHaveText(["id", "name", "amount", "note", "owner"]);
  await expect.poll(() => rowTexts(page, "Staged data", 12)).toEqual(["11", "item 11", "22.5", "note 11", "Ann Lee"]);
  await expect(page.getByRole("status").filter({ hasText: "set aside" })).toContainText("1 line set aside, 1 repaired");
  await expect(page.getByRole("list", { name: "Lines repaired in joined-exports.csv" })).toContainText(/Line 14: .*a stray quote dropped/);
  await expect(page.getByText("Lines: 14 lines = 11 in 11 rows + 1 header + 1 blank + 1 set aside.")).toBeVisible();
});
