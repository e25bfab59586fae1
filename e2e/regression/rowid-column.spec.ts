import { appTest as test, expect } from "../support/test";
import { addFiles, openApp, openParsePanel, openStep, rowTexts, stagedGrid } from "../support/app";
import { addRule, expectCounts } from "../support/recipe";

// DuckDB names each row's position `rowid`, and a column of that name hid it: a table exported from SQLite
// (rowid 30, 10, 20) was paged in the order of its values, and its rejected rows took their lines from them.
test("a column named rowid is read as rowid_1, and the rows keep their order and their lines", async ({ page }) => {
  await openApp(page);
  await addFiles(page, [{ name: "export.csv", content: "rowid,name\n30,Ada\n10,\n20,Cy\n" }]);
  await expectCounts(page, "3 rows in");
  await openStep(page, "Stage");
  await expect(stagedGrid(page).getByRole("columnheader")).toHaveText(["rowid_1", "name"]);
  await expect.poll(() => rowTexts(page, "Staged data", 2)).toEqual(["30", "Ada"]);
  await expect.poll(() => rowTexts(page, "Staged data", 3)).toEqual(["10", ""]);
  await expect((await openParsePanel(page)).getByText("Column “rowid” is read as “rowid_1”: DuckDB keeps the name rowid for each row's position in its table.")).toBeVisible();

  await addRule(page, "Required (not empty)", { Column: "name" });
  await expectCounts(page, "3 rows in = 2 valid after steps + 1 rejected");
  await openStep(page, "Review");
  await expect.poll(() => rowTexts(page, "Rejected rows", 2)).toEqual(["3", "10", "", '"name" is required (value: empty)']);
  await expect.poll(() => rowTexts(page, "Final data", 2)).toEqual(["30", "Ada"]);
  await expect.poll(() => rowTexts(page, "Final data", 3)).toEqual(["20", "Cy"]);
});

// The same hidden row position in a run's result: SQL that named a column rowid (SELECT 10 - id AS rowid …)
// had the final grid paged by its values, in reverse, and every page after the first came back empty.
test("SQL whose result has a column named rowid is stopped with the reason and the way out", async ({ page }) => {
  await openApp(page);
  await addFiles(page, [{ name: "ids.csv", content: "id,name\n1,a\n2,b\n3,c\n" }]);
  await expectCounts(page, "3 rows in");
  await openStep(page, "Transform");
  await page.getByRole("textbox", { name: "SQL query" }).fill("SELECT 10 - id AS rowid, name FROM transformed");
  await page.getByRole("button", { name: "Run SQL" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "rowid" })).toContainText("Your SQL's result has a column named “rowid”, the name DuckDB keeps for each row's position");
  await page.getByRole("textbox", { name: "SQL query" }).fill("SELECT 10 - id AS rowid_1, name FROM transformed");
  await page.getByRole("button", { name: "Run SQL" }).click();
  await openStep(page, "Review");
  await expect.poll(() => rowTexts(page, "Final data", 2)).toEqual(["9", "a"]);
  await expect.poll(() => rowTexts(page, "Final data", 4)).toEqual(["7", "c"]);
});
