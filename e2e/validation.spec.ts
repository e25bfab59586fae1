import { readFile } from "node:fs/promises";
import { appTest, expect, test } from "./support/test";
import { strFromU8, unzipSync } from "fflate";
import { readSheet } from "read-excel-file/node";
import { addFiles, destination, openApp, openStep, rowTexts } from "./support/app";
import { addRule, expectCounts } from "./support/recipe";

const ORDERS = [
  "id,email,amount,status",
  "1,a@x.org,10,open",
  "2,,5,closed",
  "3,c@x.org,-1,archived",
  "4,d@x.org,abc,open",
  "5,e@x.org,7,open",
  "",
].join("\n");

test("rules reject rows with their line and reason, the counts reconcile, and rejects download", async ({ page }) => {
  await openApp(page);
  await addFiles(page, [{ name: "orders.csv", content: ORDERS }]);
  await expectCounts(page, "5 rows in = 5 valid after steps + 0 rejected");

  await addRule(page, "Required (not empty)", { Column: "email" });
  await addRule(page, "Must be of a type", { Column: "amount", Type: "decimal" });
  await addRule(page, "One of a list", { Column: "status", "Allowed values (comma-separated)": "open, closed" }, "Only warn");

  await expectCounts(page, "5 rows in = 3 valid after steps + 2 rejected");
  await expectCounts(page, "1 row with warnings");
  await expect(page.getByRole("listitem").filter({ hasText: '"status" must be one of' })).toContainText("1 row failing");
  await openStep(page, "Review");
  await expect(page.getByRole("list", { name: "Rows each rule caught" }).getByRole("listitem")).toHaveText(['"email" is required: 1 row rejected', '"amount" must be a number: 1 row rejected', '"status" must be one of: open, closed: 1 row warned']);
  const rejected = page.getByRole("grid", { name: "Rejected rows" });
  await expect(rejected).toHaveAttribute("aria-rowcount", "3");
  await expect(rejected.getByRole("columnheader")).toHaveText(["_line", "id", "email", "amount", "status", "_errors"]);
  await expect.poll(() => rowTexts(page, "Rejected rows", 2)).toEqual(["3", "2", "", "5", "closed", '"email" is required (value: empty)']);
  await expect.poll(() => rowTexts(page, "Rejected rows", 3)).toEqual(["5", "4", "d@x.org", "abc", "open", '"amount" must be a number (value: abc)']);
  await expect(page.getByRole("grid", { name: "Final data" })).toHaveAttribute("aria-rowcount", "4");

  const download = page.waitForEvent("download");
  await page.getByRole("button", { name: "Download rejected rows as CSV" }).click();
  expect(await readFile((await (await download).path())!, "utf8")).toBe(
    "_line,id,email,amount,status,_errors\r\n" +
      '3,2,,5,closed,"""email"" is required (value: empty)"\r\n' +
      '5,4,d@x.org,abc,open,"""amount"" must be a number (value: abc)"\r\n',
  );
  // The same rows as an Excel workbook: read back, with the failing cells filled.
  const excel = page.waitForEvent("download");
  await page.getByRole("button", { name: "Download rejected rows as Excel (failing cells filled)" }).click();
  const workbook = await readFile((await (await excel).path())!);
  expect((await readSheet(workbook)).map((row) => row.map((v) => (v === null ? null : String(v))))).toEqual([
    ["_line", "id", "email", "amount", "status", "_errors"],
    ["3", "2", null, "5", "closed", '"email" is required (value: empty)'],
    ["5", "4", "d@x.org", "abc", "open", '"amount" must be a number (value: abc)'],
  ]);
  const sheet = strFromU8(unzipSync(new Uint8Array(workbook))["xl/worksheets/sheet1.xml"]!);
  const styleOf = (ref: string) => new RegExp(`<c r="${ref}"[^>]* s="(\\d+)"`).exec(sheet)?.[1];
  expect(styleOf("C2"), "the empty email of line 3 is filled").toBeDefined();
  expect(styleOf("D3"), "the amount of line 5 is filled").toBe(styleOf("C2"));
  expect(styleOf("D2"), "a cell that broke nothing is not").not.toBe(styleOf("C2"));

  await page.getByRole("button", { name: "Promote" }).click();
  await expect(destination(page).getByRole("listitem").filter({ hasText: "orders" })).toContainText("3 rows");
  await expect(page.getByRole("status").filter({ hasText: "Promoted orders v1" })).toContainText("3 rows promoted of 5 in, 2 rejected");
});

test("a broken regular expression or SQL condition is refused with a message at the rule", async ({ page }) => {
  await openApp(page);
  await addFiles(page, [{ name: "orders.csv", content: ORDERS }]);
  await expectCounts(page, "5 rows in");

  await addRule(page, "Matches a pattern", { Column: "email", "Regular expression": "([a-z" });
  const patternRule = page.getByRole("listitem").filter({ hasText: '"email" must match' });
  await expect(patternRule.getByRole("alert")).toContainText("This regular expression is not valid");
  await expect(page.getByRole("button", { name: "Promote" })).toBeDisabled();
  await page.getByRole("button", { name: "Remove rule 1" }).click();

  await addRule(page, "Custom SQL condition", { "SQL condition (true when the row is good)": "amount >>> 3" });
  const sqlRule = page.getByRole("listitem").filter({ hasText: "rows must satisfy" });
  await expect(sqlRule.getByRole("alert")).toContainText("This SQL expression cannot run");
});

appTest("column profiles show the right counts and suggest rules the user can accept", async ({ page }) => {
  await openApp(page);
  await addFiles(page, [{ name: "orders.csv", content: ORDERS }]);
  await expectCounts(page, "5 rows in");
  // amount is whole numbers but for "abc": a finding of the read, so the workspace opens on the file's read first.
  await expect(page.getByText(/Column amount: 1 value did not fit BIGINT \(line 5: “abc”\)/)).toBeVisible();
  await openStep(page, "Validate");

  const id = page.getByRole("listitem", { name: "Profile of id" });
  await expect(id).toContainText("Empty0 (0%)");
  await expect(id).toContainText("Distinct5");
  await expect(id).toContainText("Min – max1 – 5");
  await expect(id).toContainText("Mean3");
  const status = page.getByRole("listitem", { name: "Profile of status" });
  await expect(status.getByRole("table", { name: "Most common values of status" }).getByRole("row").first()).toContainText("open3");
  const email = page.getByRole("listitem", { name: "Profile of email" });
  await expect(email).toContainText("Empty1 (20%)");

  await page.getByRole("button", { name: 'Add rule: "id" must be unique' }).click();
  await expect(page.getByRole("region", { name: "Validation rules" }).getByRole("listitem")).toContainText(['"id" must be unique']);
  await expect(page.getByRole("button", { name: 'Add rule: "id" must be unique' })).toHaveCount(0);
  await expectCounts(page, "5 rows in = 5 valid after steps + 0 rejected");

  // The final data has profiles of its own.
  await addRule(page, "Required (not empty)", { Column: "email" });
  await expectCounts(page, "5 rows in = 4 valid after steps + 1 rejected");
  await page.getByRole("radio", { name: "Final data" }).check();
  await expect(page.getByRole("heading", { name: "Column profiles of the final data" })).toBeVisible();
  await expect(page.getByRole("listitem", { name: "Profile of email" })).toContainText("Empty0 (0%)");
  await expect(page.getByRole("listitem", { name: "Profile of id" })).toContainText("Distinct4");
});

appTest("a wide file shows its first 60 column profiles and 12 suggested rules, and all of them on request", async ({ page }) => {
  const columns = Array.from({ length: 100 }, (_, c) => `c${c}`);
  const rows = [1, 2, 3].map((r) => columns.map((_, c) => String(c * 10 + r)).join(","));
  await openApp(page);
  await addFiles(page, [{ name: "wide.csv", content: [columns.join(","), ...rows, ""].join("\n") }]);
  await expectCounts(page, "3 rows in");

  const cards = page.getByRole("listitem", { name: /^Profile of c\d+$/ });
  await expect(cards).toHaveCount(60);
  await page.getByRole("button", { name: "Show all 100 column profiles" }).click();
  await expect(cards).toHaveCount(100);
  await expect(page.getByRole("listitem", { name: "Profile of c99" })).toContainText("Min – max991 – 993");

  // Each column suggests required, unique and a range.
  const suggestions = page.getByRole("button", { name: /^Add rule: / });
  await expect(suggestions).toHaveCount(12);
  await page.getByRole("button", { name: "Show all 300 suggested rules" }).click();
  await expect(suggestions).toHaveCount(300);
  await page.getByRole("button", { name: "Show fewer of the 300 suggested rules" }).click();
  await expect(suggestions).toHaveCount(12);
});

appTest("cells that break a rule are marked with its reason, and the staged grid shows only the rows with errors or warnings on request", async ({ page }) => {
  await openApp(page);
  await addFiles(page, [{ name: "orders.csv", content: ORDERS }]);
  await expectCounts(page, "5 rows in");
  await addRule(page, "Required (not empty)", { Column: "email" });
  await addRule(page, "Must be of a type", { Column: "amount", Type: "decimal" });
  await addRule(page, "One of a list", { Column: "status", "Allowed values (comma-separated)": "open, closed" }, "Only warn");
  await expectCounts(page, "5 rows in = 3 valid after steps + 2 rejected");

  const staged = page.getByRole("grid", { name: "Staged data" });
  const cellOf = (row: number, column: number) => staged.locator(`[role="row"][aria-rowindex="${row + 1}"]`).getByRole("gridcell").nth(column);
  await expect(cellOf(2, 1)).toHaveAccessibleDescription('"email" is required');
  await expect(cellOf(2, 1)).toHaveAttribute("aria-invalid", "true");
  await expect(cellOf(4, 2)).toHaveAccessibleDescription('"amount" must be a number');
  await expect(cellOf(3, 3)).toHaveAccessibleDescription('"status" must be one of: open, closed');
  await expect(cellOf(3, 3)).not.toHaveAttribute("aria-invalid", "true");
  // Cells that break nothing are not marked.
  await expect(cellOf(1, 1)).not.toHaveAccessibleDescription(/required|must/);
  await expect(cellOf(1, 1)).not.toHaveAttribute("aria-invalid", "true");
  await expect(cellOf(2, 0)).not.toHaveAccessibleDescription(/required|must/);

  const errorsOnly = page.getByRole("button", { name: "Only rows with errors" });
  await errorsOnly.click();
  await expect(errorsOnly).toHaveAttribute("aria-pressed", "true");
  await expect(staged).toHaveAttribute("aria-rowcount", "3");
  await expect.poll(() => rowTexts(page, "Staged data", 2)).toEqual(["2", "", "5", "closed"]);
  await expect.poll(() => rowTexts(page, "Staged data", 3)).toEqual(["4", "d@x.org", "abc", "open"]);
  // The marks follow the rows into the filtered view.
  await expect(cellOf(2, 2)).toHaveAccessibleDescription('"amount" must be a number');
  await expect(page.getByText("2 of 5 rows match.")).toBeVisible();

  await page.getByRole("button", { name: "Only rows with warnings" }).click();
  await expect(staged).toHaveAttribute("aria-rowcount", "2");
  await expect.poll(() => rowTexts(page, "Staged data", 2)).toEqual(["3", "c@x.org", "-1", "archived"]);
  await page.getByRole("button", { name: "Only rows with warnings" }).click();
  await expect(staged).toHaveAttribute("aria-rowcount", "6");
});
