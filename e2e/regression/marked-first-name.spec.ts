import { expect, test } from "@playwright/test";
import { addFiles, openApp, rowTexts, stagedGrid, stagingArea } from "../support/app";

// A tool that reads a CSV with a byte-order mark, keeps the mark in its first column's name and writes every value
// quoted gives "\uFEFFid" as the first name. DuckDB kept the mark in the column's name and Arrow's decoder drops it,
// so the read named a column that was not there and the file did not stage.
test("a CSV whose first name holds a byte-order mark inside its quotes stages, the column named without it", async ({ page }) => {
  await openApp(page);
  const rows = Array.from({ length: 12 }, (_, i) => `"${1000 + i}","0${i}7","x${i}"`);
  await addFiles(page, [{ name: "requoted.csv", content: ['"\uFEFFid","code","name"', ...rows].join("\r\n") + "\r\n" }]);
  await expect(stagingArea(page).getByRole("listitem").filter({ hasText: "requoted.csv" })).toContainText("12 rows");
  await expect(stagedGrid(page).getByRole("columnheader")).toHaveText(["id", "code", "name"]);
  await expect.poll(() => rowTexts(page, "Staged data", 2)).toEqual(["1000", "007", "x0"]);
});
