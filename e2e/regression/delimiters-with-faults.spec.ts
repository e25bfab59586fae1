import { appTest as test, expect } from "../support/test";
import { addFiles, openApp, openParsePanel, rowTexts, stagedGrid, stagingArea } from "../support/app";

// Found by reading files with several faults at once. A semicolon file whose notes hold commas, with a row
// missing a delimiter and a note below it, was read with commas: two columns of mangled text, no header. And a
// TSV's empty rows (tabs alone) were counted both as rows and as blank lines, so its lines did not add up.
test("a semicolon file with commas in its text and a broken row keeps its semicolons", async ({ page }) => {
  await openApp(page);
  const rows = Array.from({ length: 12 }, (_, i) => `${1000 + i};07/11/2018;${i + 1};green, cable and small;https://shop.example/p/${i}`);
  rows[4] = rows[4]!.replace(";", "");
  const text = ["order_id;date;qty;note;url", ...rows, "", "Note: provisional figures", ""].join("\n");
  await addFiles(page, [{ name: "orders-eu.csv", content: text }]);
  await expect(stagingArea(page).getByRole("listitem").filter({ hasText: "orders-eu.csv" })).toContainText("12 rows");
  await expect(stagedGrid(page).getByRole("columnheader")).toHaveText(["order_id", "date", "qty", "note", "url"]);
  await expect.poll(() => rowTexts(page, "Staged data", 3)).toEqual(["1001", "2018-11-07", "2", "green, cable and small", "https://shop.example/p/1"]);
});

test("a TSV's empty rows of tabs alone are left out and counted once", async ({ page }) => {
  await openApp(page);
  await addFiles(page, [{ name: "sheet.tsv", content: "id\tname\tamount\n1\ta\t1.5\n\t\t\n2\tb\t2.5\n\t\t\n3\tc\t3.5\n" }]);
  await expect(stagingArea(page).getByRole("listitem").filter({ hasText: "sheet.tsv" })).toContainText("3 rows");
  await expect.poll(() => rowTexts(page, "Staged data", 4)).toEqual(["3", "c", "3.5"]);
  await expect((await openParsePanel(page)).getByText("Lines: 6 lines = 3 in 3 rows + 1 header + 2 blank.")).toBeVisible();
});
