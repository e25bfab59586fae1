import { appTest as test, expect } from "../support/test";
import { addFiles, openApp, rowTexts, stagedGrid, stagingArea } from "../support/app";
import { parquet } from "../support/files";

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

// The same name as a JSON key or a Parquet column (a tool that read such a CSV as plain text and wrote it out
// again): the JSON load and the Parquet read named "id", which was not there, and the file did not stage.
test("a JSON key and a Parquet column whose name starts with a byte-order mark stage, named without it", async ({ page }) => {
  await openApp(page);
  const json = JSON.stringify([{ "\uFEFFid": 7, name: "Ada" }, { "\uFEFFid": 8, name: "Bo" }]);
  const table = await parquet(`SELECT 7 AS "\uFEFFid", 'Ada' AS name UNION ALL SELECT 8, 'Bo'`);
  await addFiles(page, [
    { name: "marked.json", content: json },
    { name: "marked.parquet", content: table, mimeType: "application/octet-stream" },
  ]);
  for (const name of ["marked.json", "marked.parquet"]) {
    const item = stagingArea(page).getByRole("listitem").filter({ hasText: name });
    await expect(item).toContainText("2 rows");
    await stagingArea(page).getByRole("button", { name, exact: true }).click();
    await expect(stagedGrid(page).getByRole("columnheader")).toHaveText(["id", "name"]);
    await expect.poll(() => rowTexts(page, "Staged data", 2)).toEqual(["7", "Ada"]);
  }
});
