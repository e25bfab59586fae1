import { readFile } from "node:fs/promises";
import { type Page } from "@playwright/test";
import { appTest, expect, test } from "./support/test";
import { addFiles, destination, openApp, openStep, paste, rowTexts, stagedGrid } from "./support/app";
import { addRule, expectCounts } from "./support/recipe";

const ORDERS = ["id,email,amount", "1,a@x.org,10", "2,,5", "3,c@x.org,7", "4,d@x.org,abc", ""].join("\n");

/** orders.csv staged with two rules: row 2 lacks an email, row 4's amount is not a number. */
async function stageOrdersWithRules(page: Page) {
  await openApp(page);
  await addFiles(page, [{ name: "orders.csv", content: ORDERS }]);
  await expectCounts(page, "4 rows in");
  await addRule(page, "Required (not empty)", { Column: "email" });
  await addRule(page, "Must be of a type", { Column: "amount", Type: "decimal" });
  await expectCounts(page, "4 rows in = 2 valid after steps + 2 rejected");
}

const cellOf = (page: Page, row: number, column: number) =>
  stagedGrid(page).locator(`[role="row"][aria-rowindex="${row + 1}"]`).getByRole("gridcell").nth(column);

test("rejected cells are fixed in place: each edit is checked again at once, kept in the recipe, undone and redone, and promoted", async ({ page }) => {
  await stageOrdersWithRules(page);

  // Enter on the empty email of row 2 edits it; Enter saves.
  await cellOf(page, 2, 1).click();
  await page.keyboard.press("Enter");
  const email = page.getByRole("textbox", { name: "Edit email, row 2" });
  await email.fill("b@x.org");
  await email.press("Enter");
  await expectCounts(page, "4 rows in = 3 valid after steps + 1 rejected");
  await expect(cellOf(page, 2, 1)).toHaveText("b@x.org");
  await expect(cellOf(page, 2, 1)).toHaveAccessibleDescription("edited, was null");

  // A value the column's type cannot hold is refused, with the reason; Escape leaves the cell as it was.
  await cellOf(page, 3, 0).dblclick();
  const id = page.getByRole("textbox", { name: "Edit id, row 3" });
  await id.fill("three");
  await id.press("Enter");
  await expect(page.getByRole("alert").filter({ hasText: "id: a whole number is needed here (BIGINT)" })).toBeVisible();
  await id.press("Escape");
  await expect(cellOf(page, 3, 0)).toHaveText("3");

  // A double click edits too.
  await cellOf(page, 4, 2).dblclick();
  await page.getByRole("textbox", { name: "Edit amount, row 4" }).fill("4.5");
  await page.getByRole("textbox", { name: "Edit amount, row 4" }).press("Enter");
  await expectCounts(page, "4 rows in = 4 valid after steps + 0 rejected");
  const edited = page.getByRole("list", { name: "Edited cells" }).getByRole("listitem");
  await expect(edited).toHaveText([/Row 4, amount: abc → 4\.5/, /Row 2, email: null → b@x\.org/]);

  // Undo one edit out of order, then redo it with the keyboard.
  await page.getByRole("button", { name: "Undo the edit of row 2, email" }).click();
  await expectCounts(page, "4 rows in = 3 valid after steps + 1 rejected");
  await expect(cellOf(page, 2, 1)).toHaveText("");
  await page.getByRole("heading", { name: /Edited cells/ }).click();
  await page.keyboard.press("ControlOrMeta+Shift+z");
  await expectCounts(page, "4 rows in = 4 valid after steps + 0 rejected");

  // The edits are in the recipe: a reload keeps them, and promotion writes the fixed values.
  await page.reload();
  await expectCounts(page, "4 rows in = 4 valid after steps + 0 rejected");
  await expect.poll(() => rowTexts(page, "Staged data", 3)).toEqual(["2", "b@x.org", "5"]);
  await page.getByRole("button", { name: "Promote", exact: true }).click();
  await expect(destination(page).getByRole("listitem").first()).toContainText("v1 · 4 rows");
  const download = page.waitForEvent("download");
  await destination(page).getByRole("button", { name: "Download orders v1 as CSV" }).click();
  expect(await readFile((await (await download).path())!, "utf8")).toBe("id,email,amount\r\n1,a@x.org,10\r\n2,b@x.org,5\r\n3,c@x.org,7\r\n4,d@x.org,4.5\r\n");
  // The version's lineage counts the edits, and its recipe holds them.
  await destination(page).getByText("Versions of orders").click();
  const version = destination(page).getByRole("listitem", { name: "orders v1" });
  await expect(version).toContainText("2 cells edited by hand");
  await version.getByRole("button", { name: "Manifest of orders v1" }).click();
  const manifest = JSON.parse((await version.locator("pre").textContent())!);
  expect(manifest.edits).toEqual({ cells: 2, notApplied: 0 });
  expect(manifest.recipe.edits.map((e: { row: number; column: string; to: string }) => [e.row, e.column, e.to])).toEqual([
    [4, "amount", "4.5"],
    [2, "email", "b@x.org"],
  ]);
});

test("what promotion does with rows that have errors is the recipe's choice: leave them out, wait, or include them with the reasons", async ({ page }) => {
  await stageOrdersWithRules(page);
  await openStep(page, "Promote");
  const policy = page.getByLabel("With rows a rule rejects, promotion…");
  const promote = page.getByRole("button", { name: "Promote", exact: true });

  await policy.selectOption({ label: "waits: blocked until none remain" });
  await expect(promote).toBeDisabled();
  await expect(promote).toHaveAccessibleDescription("Blocked while 2 rows have errors: the recipe promotes only when none remain.");

  await policy.selectOption({ label: "includes them, with the reasons in _errors" });
  await expectCounts(page, "4 rows in = 4 kept after steps + 0 rejected (2 kept with errors, in _errors)");
  await expect(promote).toBeEnabled();
  await promote.click();
  await expect(destination(page).getByRole("listitem").first()).toContainText("v1 · 4 rows");
  const download = page.waitForEvent("download");
  await destination(page).getByRole("button", { name: "Download orders v1 as CSV" }).click();
  expect(await readFile((await (await download).path())!, "utf8")).toBe(
    'id,email,amount,_errors\r\n1,a@x.org,10,\r\n2,,5,"""email"" is required (value: empty)"\r\n3,c@x.org,7,\r\n4,d@x.org,abc,"""amount"" must be a number (value: abc)"\r\n',
  );

  await policy.selectOption({ label: "leaves them out: valid rows only" });
  await expectCounts(page, "4 rows in = 2 valid after steps + 2 rejected");
  await promote.click();
  await expect(destination(page).getByRole("listitem").first()).toContainText("v2 · 2 rows");
});

appTest("a bulk fix shows how many cells it changes before it does, then fixes them as edits", async ({ page }) => {
  await openApp(page);
  await addFiles(page, [{ name: "tickets.csv", content: "id,status\n1,open\n2, Open \n3,CLOSED\n4,\n5,open \n" }]);
  await expectCounts(page, "5 rows in");
  await addRule(page, "One of a list", { Column: "status", "Allowed values (comma-separated)": "open, closed" });
  // An empty status breaks no rule but "required": rows 2, 3 and 5 are rejected.
  await expectCounts(page, "5 rows in = 2 valid after steps + 3 rejected");

  const fix = page.getByRole("group", { name: "Fix many cells" });
  await fix.getByLabel("Column to fix").selectOption("status");
  await fix.getByLabel("Fix", { exact: true }).selectOption({ label: "Trim spaces" });
  await fix.getByRole("button", { name: "Preview the fix" }).click();
  await expect(fix.getByRole("status")).toHaveText("status: trim spaces: 2 cells will change, e.g. row 2 “ Open ” → “Open”, row 5 “open ” → “open”.");
  await fix.getByRole("button", { name: "Apply to 2 cells" }).click();
  await expectCounts(page, "5 rows in = 3 valid after steps + 2 rejected");

  await fix.getByLabel("Fix", { exact: true }).selectOption({ label: "Change to lower case" });
  await fix.getByRole("button", { name: "Preview the fix" }).click();
  await expect(fix.getByRole("status")).toHaveText("status: change to lower case: 2 cells will change, e.g. row 2 “Open” → “open”, row 3 “CLOSED” → “closed”.");
  await fix.getByRole("button", { name: "Apply to 2 cells" }).click();
  await expectCounts(page, "5 rows in = 5 valid after steps + 0 rejected");

  // Every row, not only the failing ones: the empty status of row 4.
  await fix.getByLabel("Fix", { exact: true }).selectOption({ label: "Fill empty cells" });
  await fix.getByLabel("Fill with").fill("open");
  await fix.getByLabel("In", { exact: true }).selectOption({ label: "every row" });
  await fix.getByRole("button", { name: "Preview the fix" }).click();
  await fix.getByRole("button", { name: "Apply to 1 cell" }).click();
  await expect(page.getByRole("heading", { name: "Edited cells (5)" })).toBeVisible();
  await expect.poll(() => rowTexts(page, "Final data", 3)).toEqual(["2", "open"]);
  await expect.poll(() => rowTexts(page, "Final data", 5)).toEqual(["4", "open"]);
});

appTest("the rejected rows are marked and fixed where they are too: a fixed row leaves them", async ({ page }) => {
  await stageOrdersWithRules(page);
  await openStep(page, "Review");
  const rejected = page.getByRole("grid", { name: "Rejected rows" });
  await expect(rejected).toHaveAttribute("aria-rowcount", "3");
  const cell = (row: number, column: number) => rejected.locator(`[role="row"][aria-rowindex="${row + 1}"]`).getByRole("gridcell").nth(column);
  // Columns: _line, id, email, amount, _errors.
  await expect(cell(1, 2)).toHaveAccessibleDescription('"email" is required');
  await expect(cell(2, 3)).toHaveAccessibleDescription('"amount" must be a number');
  // The line number and the reasons are not the data: they cannot be edited.
  await cell(1, 0).click();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("textbox", { name: /^Edit _line/ })).toHaveCount(0);

  await cell(2, 3).dblclick();
  const amount = page.getByRole("textbox", { name: "Edit amount, row 2" });
  await amount.fill("12");
  await amount.press("Enter");
  await expectCounts(page, "4 rows in = 3 valid after steps + 1 rejected");
  await expect(rejected).toHaveAttribute("aria-rowcount", "2");
  await expect.poll(() => rowTexts(page, "Rejected rows", 2)).toEqual(["3", "2", "", "5", '"email" is required (value: empty)']);
});

appTest("a bulk fix can reach only the rows the staged grid's filter shows", async ({ page }) => {
  await openApp(page);
  await addFiles(page, [{ name: "tickets.csv", content: "id,status\n1,open\n2,Open\n3,open\n4,Open\n5,open\n" }]);
  await expectCounts(page, "5 rows in");
  await openStep(page, "Validate");
  const fix = page.getByRole("group", { name: "Fix many cells" });
  const scope = fix.getByLabel("In", { exact: true });
  // No filter yet: nothing to offer beyond failing and every row.
  await expect(scope.getByRole("option")).toHaveText(["rows where a rule fails on it", "every row"]);

  await page.getByLabel("Filter column of Staged data").selectOption("id");
  await page.getByLabel("Filter condition of Staged data").selectOption(">=");
  await page.getByLabel("Filter value of Staged data").fill("3");
  await page.getByRole("button", { name: "Add filter" }).first().click();
  await expect(stagedGrid(page)).toHaveAttribute("aria-rowcount", "4");

  await fix.getByLabel("Column to fix").selectOption("status");
  await fix.getByLabel("Fix", { exact: true }).selectOption({ label: "Change to upper case" });
  await scope.selectOption({ label: "rows the staged grid shows (3)" });
  await fix.getByRole("button", { name: "Preview the fix" }).click();
  await expect(fix.getByRole("status")).toHaveText("status: change to upper case: 3 cells will change, e.g. row 3 “open” → “OPEN”, row 4 “Open” → “OPEN”, row 5 “open” → “OPEN”.");
  await fix.getByRole("button", { name: "Apply to 3 cells" }).click();
  await expect(page.getByRole("heading", { name: "Edited cells (3)" })).toBeVisible();

  // The filter removed: rows 1 and 2 were left as they were.
  await page.getByRole("button", { name: "Remove filter id >= 3" }).click();
  await expect(scope.getByRole("option")).toHaveText(["rows where a rule fails on it", "every row"]);
  await expect.poll(() => rowTexts(page, "Final data", 2)).toEqual(["1", "open"]);
  await expect.poll(() => rowTexts(page, "Final data", 5)).toEqual(["4", "OPEN"]);
});

appTest("a value pasted on a cell opens it holding that value; cells pasted as a block are edits at once, or refused with the reason; nothing pasted there stages a file", async ({ page }) => {
  await stageOrdersWithRules(page);
  const pasteOnGrid = (text: string) => paste(page, { "text/plain": text }, '[role="grid"] :focus');
  await cellOf(page, 4, 2).click();
  await pasteOnGrid("12.5\r\n");
  const amount = page.getByRole("textbox", { name: "Edit amount, row 4" });
  await expect(amount).toHaveValue("12.5");
  await amount.press("Enter");
  await expectCounts(page, "4 rows in = 3 valid after steps + 1 rejected");
  await expect(cellOf(page, 4, 2)).toHaveText("12.5");
  // Cells copied from a spreadsheet fill the cells from the active one, as edits (each kept, and undone, as one).
  await cellOf(page, 2, 1).click();
  await pasteOnGrid("b@x.org\t5.5\r\nc@x.org\t7\r\n");
  await expectCounts(page, "4 rows in = 4 valid after steps + 0 rejected");
  await expect(cellOf(page, 2, 1)).toHaveText("b@x.org");
  await expect(page.getByRole("list", { name: "Edited cells" }).getByRole("listitem")).toHaveText([/Row 2, amount: 5 → 5\.5/, /Row 2, email: null → b@x\.org/, /Row 4, amount: abc → 12\.5/]);
  // A block with a value its column cannot hold is refused whole, with where and why.
  await cellOf(page, 3, 0).click();
  await pasteOnGrid("x\tc@x.org\n");
  await expect(page.getByRole("alert").filter({ hasText: "Row 3, id: a whole number is needed here (BIGINT)" })).toBeVisible();
  await expect(cellOf(page, 3, 0)).toHaveText("3");
  await expect(page.getByRole("textbox", { name: /^Edit / })).toHaveCount(0);
  await expect(page.getByRole("region", { name: "Staging area" }).getByRole("listitem")).toHaveCount(1);
});
