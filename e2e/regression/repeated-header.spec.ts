import { appTest as test, expect } from "../support/test";
import { addFiles, openApp, rowTexts, stagedGrid, stagingArea, stagingDone } from "../support/app";

// Two exports joined end to end (cat a.csv b.csv): the second header, among the rows, made the file read
// without a header, every column text and the header itself a row.
test("a header repeated among the rows is set aside, and the columns keep their names and types", async ({ page }) => {
  await openApp(page);
  await addFiles(page, [{ name: "joined.csv", content: "id,name,amount\n1,a,1.5\n2,b,2.5\nid,name,amount\n3,c,3.5\n4,d,4.5\n" }]);
  await expect(stagingArea(page).getByRole("listitem").filter({ hasText: "joined.csv" })).toContainText("4 rows");
  await expect(stagedGrid(page).getByRole("columnheader")).toHaveText(["id", "name", "amount"]);
  await expect.poll(() => rowTexts(page, "Staged data", 4)).toEqual(["3", "c", "3.5"]);
  await expect(page.getByRole("status").filter({ hasText: "set aside" })).toContainText("1 line set aside");
  await expect(page.getByRole("textbox", { name: "Line 4" })).toHaveValue("id,name,amount");
});

// The same, where the first file did not end its last line: its last row and the second header (with the
// second file's byte-order mark) were one line, set aside, row and all.
test("a header run into the end of a row is left out, and the row is read, repaired", async ({ page }) => {
  await openApp(page);
  await addFiles(page, [{ name: "run-in.csv", content: "\uFEFFid,name,amount\r\n1,a,1.5\r\n2,b,2.5\uFEFFid,name,amount\r\n3,c,3.5\r\n" }]);
  await expect(stagingArea(page).getByRole("listitem").filter({ hasText: "run-in.csv" })).toContainText("3 rows");
  await expect.poll(() => rowTexts(page, "Staged data", 3)).toEqual(["2", "b", "2.5"]);
  const notice = page.getByRole("status").filter({ hasText: "repaired" });
  await expect(notice).toContainText("0 lines set aside, 1 repaired");
  await stagingDone(page);
  await notice.click();
  await expect(page.getByRole("list", { name: "Lines repaired in run-in.csv" })).toContainText("Line 3: the header again, run into the end of this row");
});

// Headerless files joined end to end, each with its byte-order mark: the mark at the start of the second's first
// row made the first column text.
test("a row that starts with a byte-order mark in the middle of a headerless file is read without it, repaired", async ({ page }) => {
  await openApp(page);
  await addFiles(page, [{ name: "parts.csv", content: "\uFEFF1,a,1.5\n2,b,2.5\n\uFEFF3,c,3.5\n4,d,4.5\n" }]);
  await expect(stagingArea(page).getByRole("listitem").filter({ hasText: "parts.csv" })).toContainText("4 rows");
  await expect(page.getByRole("list", { name: "Columns of parts.csv" })).toContainText("column0 BIGINT");
  await expect.poll(() => rowTexts(page, "Staged data", 4)).toEqual(["3", "c", "3.5"]);
  const notice = page.getByRole("status").filter({ hasText: "repaired" });
  await expect(notice).toContainText("0 lines set aside, 1 repaired");
  await stagingDone(page);
  await notice.click();
  await expect(page.getByRole("list", { name: "Lines repaired in parts.csv" })).toContainText("Line 3: a byte-order mark at its start left out");
});

// The same below the first lines the layout reads, among the rows DuckDB's sniffer reads: found as the lines were counted.
test("a row that starts with a byte-order mark below the first lines of a headerless file is read without it too", async ({ page }) => {
  await openApp(page);
  const rows = (from: number, count: number) => Array.from({ length: count }, (_, i) => `${from + i},x${from + i},${from + i}.5`);
  const content = `\uFEFF${rows(1, 15_000).join("\n")}\n\uFEFF${rows(15_001, 3).join("\n")}\n`;
  await addFiles(page, [{ name: "parts-far.csv", content }]);
  await expect(stagingArea(page).getByRole("listitem").filter({ hasText: "parts-far.csv" })).toContainText("15,003 rows");
  await expect(page.getByRole("list", { name: "Columns of parts-far.csv" })).toContainText("column0 BIGINT");
  const notice = page.getByRole("status").filter({ hasText: "repaired" });
  await expect(notice).toContainText("0 lines set aside, 1 repaired");
  await stagingDone(page);
  await notice.click();
  await expect(page.getByRole("list", { name: "Lines repaired in parts-far.csv" })).toContainText("Line 15001: a byte-order mark at its start left out");
});
