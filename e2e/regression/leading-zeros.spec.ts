import { appTest as test, expect } from "../support/test";
import { addFiles, openApp, openParsePanel, rowTexts, stagedGrid, stagingArea } from "../support/app";
import { xlsx } from "../support/files";

// A file of US addresses sorted by state puts Connecticut's ZIP codes (06103) far below the first 20,480 rows
// DuckDB's sniffer samples: it read the column as whole numbers, and 06103 staged as 6103 without a word.
test("codes whose leading zero shows below DuckDB's sample stage as text, zero kept, and the file says why", async ({ page }) => {
  await openApp(page);
  const rows = Array.from({ length: 25_000 }, (_, i) => `${35_000 + i},AL`);
  await addFiles(page, [{ name: "addresses.csv", content: `zip,state\n${rows.join("\n")}\n06103,CT\n00501,NY\n` }]);
  await expect(stagingArea(page).getByRole("listitem").filter({ hasText: "addresses.csv" })).toContainText("25,002 rows");
  await expect((await openParsePanel(page)).getByText("Read as text to keep leading zeros found below DuckDB's sample of the first rows: zip (00501).")).toBeVisible();
  await stagedGrid(page).evaluate((el) => (el.scrollTop = el.scrollHeight));
  await expect.poll(() => rowTexts(page, "Staged data", 25_002)).toEqual(["06103", "CT"]);
  await expect.poll(() => rowTexts(page, "Staged data", 25_003)).toEqual(["00501", "NY"]);
});

// Columns of numbers with missing-value markers (NA) are read as numbers once the markers are empty: a column
// of codes with an NA among them lost its zeros there too (02134 became 2134).
test("codes with a missing-value marker among them keep their leading zeros", async ({ page }) => {
  await openApp(page);
  await addFiles(page, [{ name: "branches.csv", content: "zip,staff\n02134,5\nNA,7\n10001,NA\n" }]);
  await expect(stagingArea(page).getByRole("listitem").filter({ hasText: "branches.csv" })).toContainText("3 rows");
  await expect.poll(() => rowTexts(page, "Staged data", 2)).toEqual(["02134", "5"]);
  await expect.poll(() => rowTexts(page, "Staged data", 4)).toEqual(["10001", ""]);
});

// Excel's "Zip Code" format (00000) shows 2134 as 02134: the cell holds the number, which the workbook reader
// gave as it is, so the column staged as 2134.
test("numbers a workbook shows with leading zeros (Excel's ZIP code format) stage as the sheet shows them", async ({ page }) => {
  await openApp(page);
  const zip = (value: number) => ({ value, type: Number, format: "00000" });
  const content = await xlsx([{ sheet: "Branches", rows: [["zip", "staff"], [zip(2134), 5], [zip(10001), 7], [zip(501), 3]] }]);
  await addFiles(page, [{ name: "branches.xlsx", content }]);
  await expect(stagingArea(page).getByRole("listitem").filter({ hasText: "branches.xlsx" })).toContainText("3 rows");
  await expect.poll(() => rowTexts(page, "Staged data", 2)).toEqual(["02134", "5"]);
  await expect.poll(() => rowTexts(page, "Staged data", 4)).toEqual(["00501", "3"]);
});

// Excel saves a sheet as CSV the way it shows it: a 13-digit barcode in the General format becomes
// 4.00638E+12, its other digits gone before the file reaches Stages. Nothing can bring them back; the file says so.
test("long numbers Excel saved in scientific notation are named, with what to do", async ({ page }) => {
  await openApp(page);
  await addFiles(page, [{ name: "products.csv", content: "sku,name,qty\n4.00638E+12,Tea,1\n5.01234E+12,Coffee,2\n" }]);
  await expect(stagingArea(page).getByRole("listitem").filter({ hasText: "products.csv" })).toContainText("2 rows");
  await expect((await openParsePanel(page)).getByText("Long numbers as Excel shows them, six digits kept: sku (4.00638E+12).")).toContainText("export that column again formatted as text");
});
