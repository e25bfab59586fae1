import { appTest, expect, test } from "./support/test";
import { strToU8, zipSync } from "fflate";
import { expectCounts } from "./support/recipe";
import { addFiles, openApp, openParsePanel, reread, rowTexts, stagedGrid, stagingArea } from "./support/app";

appTest("bad files get a message naming the file (and line), and other staged files stay intact", async ({ page }) => {
  await openApp(page);
  await addFiles(page, [{ name: "good.csv", content: "a,b\n1,x\n2,y\n" }]);
  await expect(stagingArea(page).getByText("good.csv")).toBeVisible();

  await addFiles(page, [{ name: "empty.csv", content: "" }]);
  await expect(page.getByRole("alert").filter({ hasText: "empty.csv" })).toContainText("empty");
  // Blank lines alone, or a byte-order mark alone, are nothing to stage either (they were rows of nothing).
  await addFiles(page, [{ name: "blank-lines.csv", content: "\n\n\n" }]);
  await expect(page.getByRole("alert").filter({ hasText: "blank-lines.csv" })).toContainText("The file holds only blank lines: there is nothing to stage.");
  await addFiles(page, [{ name: "mark-only.csv", content: "\uFEFF" }]);
  await expect(page.getByRole("alert").filter({ hasText: "mark-only.csv" })).toContainText("only a byte-order mark");

  const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]);
  await addFiles(page, [{ name: "picture.csv", content: png }]);
  await expect(page.getByRole("alert").filter({ hasText: "picture.csv" })).toContainText("This is a PNG image, not a text file");

  // The sniffer samples the first rows, so the bad value on the last line is found while loading: the row stays,
  // its column is read as text, and the value is reported with its line.
  const lines = ["id,n", ...Array.from({ length: 30_000 }, (_, i) => `${i},${i}`), "30000,abc", ""];
  await addFiles(page, [{ name: "late.csv", content: lines.join("\n") }]);
  await expect(stagedGrid(page)).toHaveAttribute("aria-rowcount", "30002");
  await expect(page.getByRole("status").filter({ hasText: "read as text" })).toContainText("0 lines set aside, 0 repaired, 1 column read as text");
  await expect(page.getByText(/Column n: 1 value did not fit BIGINT \(line 30002: “abc”\)/)).toBeVisible();
  // The finding suggests the rule that finds the value; added, it rejects that row like any other error.
  await page.getByRole("button", { name: 'Add rule: "n" must be a whole number' }).click();
  await expectCounts(page, "30,001 rows in = 30,000 valid after steps + 1 rejected");
  // Taken, the suggestion is not offered again: a second click would have added the rule twice.
  await expect(page.getByRole("button", { name: 'Add rule: "n" must be a whole number' })).toHaveCount(0);
  await expect(page.getByText("It is in the recipe’s rules.")).toBeVisible();

  // The empty and binary files were never staged.
  await expect(stagingArea(page).getByText("late.csv")).toBeVisible();
  await expect(stagingArea(page).getByText("empty.csv")).toHaveCount(0);
  await expect(stagingArea(page).getByText("picture.csv")).toHaveCount(0);

  await stagingArea(page).getByRole("button", { name: "good.csv", exact: true }).click();
  await expect(stagedGrid(page)).toHaveAttribute("aria-rowcount", "3");
  await expect.poll(() => rowTexts(page, "Staged data", 3)).toEqual(["2", "y"]);
});

appTest("a web page or an XML error saved as CSV and a ZIP archive of a CSV are named for what they are, with what to do", async ({ page }) => {
  await openApp(page);
  await addFiles(page, [{ name: "export.csv", content: "<!DOCTYPE html>\n<html><head><title>Sign in</title></head><body>Sign in to continue</body></html>\n" }]);
  await expect(page.getByRole("alert").filter({ hasText: "export.csv" })).toContainText("This is a web page (HTML) with no table in it, not a data file");
  const zip = Buffer.from(zipSync({ "orders.csv": strToU8("id,amount\n1,10\n") }));
  await addFiles(page, [{ name: "orders.xlsx", content: zip }]);
  await expect(page.getByRole("alert").filter({ hasText: "orders.xlsx" })).toContainText("This is a ZIP archive, not an Excel workbook: it holds orders.csv. Unzip it and stage that file.");
  // Office 97–2003 files (a legacy .xls workbook, a Word .doc): e2e/legacy-excel.spec.ts.
  // A storage service's error answer, saved under the CSV's name, is not read for its records as an .xml file is.
  await addFiles(page, [{ name: "daily.csv", content: '<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>AccessDenied</Code><Message>Access Denied</Message></Error>\n' }]);
  await expect(page.getByRole("alert").filter({ hasText: "daily.csv" })).toContainText("This is an XML document under a CSV name (often a download that returned an error instead of the data)");
  // An application's "Excel" export that is tab-separated text named .xlsx was "not a readable Excel workbook".
  await addFiles(page, [{ name: "export.xlsx", content: "id\tname\n1\tAda\n2\tBo\n" }]);
  await expect(stagingArea(page).getByRole("listitem").filter({ hasText: "export.xlsx" })).toContainText("2 rows");
  await expect((await openParsePanel(page)).getByText("How export.xlsx is read: CSV, utf-8")).toBeVisible();
});

test("a removed file leaves the staging area and does not come back after a reload", async ({ page }) => {
  await openApp(page);
  await addFiles(page, [
    { name: "keep.csv", content: "k\n1\n" },
    { name: "drop.csv", content: "d\n1\n" },
  ]);
  await expect(stagingArea(page).getByText("drop.csv")).toBeVisible();
  await stagingArea(page).getByRole("button", { name: "Remove drop.csv from staging" }).click();
  await expect(stagingArea(page).getByText("drop.csv")).toHaveCount(0);
  await page.reload();
  await expect(stagingArea(page).getByText("keep.csv")).toBeVisible();
  await expect(stagingArea(page).getByText("drop.csv")).toHaveCount(0);
});

// A database dump saved as .csv staged its INSERT statements cut at their commas, as one row of nonsense.
appTest("a SQL script (a database dump) is named for what it is, with what to do", async ({ page }) => {
  await openApp(page);
  const dump = "-- MySQL dump 10.13\n/*!40101 SET NAMES utf8 */;\nDROP TABLE IF EXISTS `orders`;\nINSERT INTO `orders` VALUES (1,'a',10),(2,'b',20);\n";
  await addFiles(page, [{ name: "orders.csv", content: dump }]);
  await expect(page.getByRole("alert").filter({ hasText: "orders.csv" })).toContainText("This is a SQL script (a database dump of statements), not CSV");
  await expect(stagingArea(page).getByRole("listitem").filter({ hasText: "orders.csv" })).toHaveCount(0);
});

// A CSV saved under a .json name: the JSON reader's fault at its first character says where to choose its format.
appTest("a file named .json that is not JSON says so, and reads as what the user chooses", async ({ page }) => {
  await openApp(page);
  await addFiles(page, [{ name: "export.json", content: "id,name\n1,Ada\n2,Bo\n", mimeType: "application/json" }]);
  await expect(page.getByRole("alert").filter({ hasText: "export.json" })).toContainText("It does not start as JSON does: if it is another format, choose it under Format.");
  await reread(page, { Format: "csv" });
  await expect(stagingArea(page).getByRole("listitem").filter({ hasText: "export.json" })).toContainText("2 rows");
  await expect.poll(() => rowTexts(page, "Staged data", 3)).toEqual(["2", "Bo"]);
});
