import { expect, test } from "@playwright/test";
import { addFiles, openApp, rowTexts, stagingArea } from "../support/app";

// A table of words alone ("name,city" over "ann,Paris") was read without its header: a column of words
// takes a word of the header as readily as a value, so the names became the first row and the columns
// were called column0, column1.
test("a table of words keeps its first row as its header", async ({ page }) => {
  await openApp(page);
  await addFiles(page, [{ name: "people.csv", content: "name,city\nann,Paris\nbob,Rome\ncy,Oslo\ndee,Lima\n" }]);
  await expect(stagingArea(page).getByRole("listitem").filter({ hasText: "people.csv" })).toContainText("4 rows");
  const grid = page.getByRole("grid", { name: "Staged data" });
  await expect(grid.getByRole("columnheader", { name: "name" })).toBeVisible();
  await expect(grid.getByRole("columnheader", { name: "city" })).toBeVisible();
  await expect.poll(() => rowTexts(page, "Staged data", 2)).toEqual(["ann", "Paris"]);
});

// A report's header of years ("region,2022,2023") over columns of numbers was read as a first row of data:
// each year fits its column, so nothing told the names apart from the values.
test("a header of years over columns of numbers is the header", async ({ page }) => {
  await openApp(page);
  await addFiles(page, [{ name: "by-year.csv", content: "region,2022,2023\nNorth,10,12\nSouth,11,13\nEast,9,8\nWest,7,6\n" }]);
  await expect(stagingArea(page).getByRole("listitem").filter({ hasText: "by-year.csv" })).toContainText("4 rows");
  const grid = page.getByRole("grid", { name: "Staged data" });
  await expect(grid.getByRole("columnheader", { name: "2023" })).toBeVisible();
  await expect.poll(() => rowTexts(page, "Staged data", 2)).toEqual(["North", "10", "12"]);
});
