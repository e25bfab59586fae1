import { appTest as test, expect } from "../support/test";
import { addFiles, openApp, openParsePanel, reread, rowTexts, stagedGrid, stagingArea } from "../support/app";

// A CSV opened in a spreadsheet as one column and saved again wraps each line in quotes ("1,Ada,10"): it
// staged as one column of text named "id,name,amount".
test("lines each wrapped in quotes stage as the CSV inside them, a bad one set aside; the user can read them as they are", async ({ page }) => {
  await openApp(page);
  const rows = Array.from({ length: 20 }, (_, i) => `"${i + 3},name${i + 3},${(i + 3) * 10}"`);
  rows[10] = '"13,name13,130,extra"';
  const content = ['"id,name,amount"', '"1,""Bo, Jr"",10.5"', '"2,Ada,20"', "", ...rows].join("\r\n") + "\r\n";
  await addFiles(page, [{ name: "resaved.csv", content }]);
  await expect(stagingArea(page).getByRole("listitem").filter({ hasText: "resaved.csv" })).toContainText("21 rows");
  await expect(stagedGrid(page).getByRole("columnheader")).toHaveText(["id", "name", "amount"]);
  await expect.poll(() => rowTexts(page, "Staged data", 2)).toEqual(["1", "Bo, Jr", "10.5"]);
  await expect.poll(() => rowTexts(page, "Staged data", 4)).toEqual(["3", "name3", "30.0"]);
  const panel = await openParsePanel(page);
  await expect(panel.getByText("Each line was wrapped in quotes as one value (a CSV saved again from one spreadsheet column): read as the text inside them.")).toBeVisible();
  await expect(panel.getByText("Lines: 24 lines = 21 in 21 rows + 1 header + 1 blank + 1 set aside.")).toBeVisible();
  const setAside = page.getByRole("list", { name: "Lines set aside from resaved.csv" });
  await expect(setAside).toContainText("4 values where the header has 3");
  await expect(setAside.getByRole("button", { name: "Rejoin line 15" })).toBeVisible();

  await reread(page, { "Lines wrapped in quotes": "whole" });
  await expect(stagedGrid(page).getByRole("columnheader")).toHaveText(["id,name,amount"]);
  await expect.poll(() => rowTexts(page, "Staged data", 2)).toEqual(['1,"Bo, Jr",10.5']);
});

// A headerless list of quoted addresses, each with one comma, was taken for lines wrapped in quotes and split
// into two columns ("12 Main St" and " Springfield").
test("a list of quoted addresses stays one value a line, the choice to split them shown", async ({ page }) => {
  await openApp(page);
  const towns = ["Springfield", "Shelbyville", "Ogdenville", "North Haverbrook", "Capital City", "Brockway"];
  const content = towns.map((town, i) => `"${i + 1} Main St, ${town}"`).join("\n") + "\n";
  await addFiles(page, [{ name: "addresses.csv", content }]);
  // One column whose first line is shaped like the others: no header, every line a row.
  await expect(stagingArea(page).getByRole("listitem").filter({ hasText: "addresses.csv" })).toContainText("6 rows");
  const panel = await openParsePanel(page);
  await expect(stagedGrid(page).getByRole("columnheader")).toHaveText(["column0"]);
  await expect.poll(() => rowTexts(page, "Staged data", 2)).toEqual(["1 Main St, Springfield"]);
  await expect.poll(() => rowTexts(page, "Staged data", 7)).toEqual(["6 Main St, Brockway"]);
  await expect(panel.getByText(/^Each line is one value in quotes, like a list of addresses or names: read as one value a line\./)).toBeVisible();
  await expect(panel.getByLabel("Lines wrapped in quotes", { exact: true })).toHaveValue("whole");

  // Rows of a table after all: read inside the quotes, two columns.
  await reread(page, { "Lines wrapped in quotes": "inside" });
  await expect(stagedGrid(page).getByRole("columnheader")).toHaveCount(2);
  await expect.poll(() => rowTexts(page, "Staged data", 2)).toEqual(["1 Main St", " Springfield"]);
});
