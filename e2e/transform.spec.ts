import { appTest, expect, test } from "./support/test";
import { addFiles, openApp, openStep, rowTexts } from "./support/app";
import { addRule, addStep, expectCounts } from "./support/recipe";

const SALES = ["id,region,amt", "1, north ,10", "2,south,5", "3,north,7", "4,east,1", "5,south,2", ""].join("\n");

test("steps and SQL build a recipe whose final preview survives a reload", async ({ page }) => {
  await openApp(page);
  await addFiles(page, [{ name: "sales.csv", content: SALES }]);
  await expectCounts(page, "5 rows in");

  await addStep(page, "Trim spaces", { Column: "region" });
  await addStep(page, "Rename a column", { Column: "amt", "New name": "amount" });
  await addStep(page, "Keep rows where", { "SQL condition": "amount >= 2" });
  await expectCounts(page, "5 rows in = 4 valid after steps + 1 rejected");
  const final = page.getByRole("grid", { name: "Final data" });
  await expect(final.getByRole("columnheader")).toHaveText(["id", "region", "amount"]);
  await expect.poll(() => rowTexts(page, "Final data", 2)).toEqual(["1", "north", "10"]);

  const sql = page.getByRole("textbox", { name: "SQL query" });
  await sql.fill("SELECT region, sum(amount) AS total\nFROM transformed GROUP BY region ORDER BY region");
  await page.getByRole("button", { name: "Run SQL" }).click();
  await expect(final).toHaveAttribute("aria-rowcount", "3");
  await expect.poll(() => rowTexts(page, "Final data", 2)).toEqual(["north", "17"]);
  await expect.poll(() => rowTexts(page, "Final data", 3)).toEqual(["south", "7"]);
  await expectCounts(page, "the SQL turns 4 rows into 2 final rows");

  await page.reload();
  await expect(page.getByRole("listitem").filter({ hasText: "Rename amt to amount" })).toBeVisible();
  await expect(page.getByRole("textbox", { name: "SQL query" })).toContainText("sum(amount)");
  await expect(page.getByRole("grid", { name: "Final data" })).toHaveAttribute("aria-rowcount", "3");
  await expect.poll(() => rowTexts(page, "Final data", 3)).toEqual(["south", "7"]);

  // Moving the filter above the rename makes it refer to a column that does not exist yet.
  await page.getByRole("button", { name: "Move step 3 up" }).click();
  const steps = page.getByRole("region", { name: "Transform steps" }).getByRole("listitem");
  await expect(steps.nth(1)).toContainText("Keep rows where amount >= 2");
  await expect(steps.nth(1).getByRole("alert")).toContainText('"amount"');

  // Edit the moved filter to use the column's name at that point.
  await page.getByRole("button", { name: "Edit step 2" }).click();
  const edit = page.getByRole("group", { name: "Edit step 2" });
  await expect(edit.getByLabel("SQL condition")).toHaveValue("amount >= 2");
  await edit.getByLabel("SQL condition").fill("amt >= 5");
  await edit.getByRole("button", { name: "Save step" }).click();
  await expect(steps.nth(1)).toContainText("Keep rows where amt >= 5");
  await expectCounts(page, "5 rows in = 3 valid after steps + 2 rejected");
});

appTest("a broken SQL statement shows where the error is, and a long query can be cancelled", async ({ page }) => {
  await openApp(page);
  await addFiles(page, [{ name: "sales.csv", content: SALES }]);
  await expectCounts(page, "5 rows in");
  await openStep(page, "Transform");

  await page.getByRole("textbox", { name: "SQL query" }).fill("SELECT *\nFROM transformed WHERE FORM x");
  await page.getByRole("button", { name: "Run SQL" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "SQL line" })).toContainText("SQL line 2, position 29");

  await page.getByRole("textbox", { name: "SQL query" }).fill("SELECT count(*) AS n FROM range(100000000000) a, transformed");
  await page.getByRole("button", { name: "Run SQL" }).click();
  await page.getByRole("button", { name: "Cancel run" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Cancelled" })).toBeVisible();
  await page.getByRole("button", { name: "Remove SQL" }).click();
  await expectCounts(page, "5 rows in = 5 valid after steps + 0 rejected");
});

appTest("the SQL editor completes column names and other staged files' SQL names, and joins another staged file by it", async ({ page }) => {
  await openApp(page);
  await addFiles(page, [
    { name: "regions.csv", content: "region,manager\nnorth,Ana\nsouth,Bo\n" },
    { name: "sales.csv", content: SALES },
  ]);
  await expectCounts(page, "5 rows in");
  await openStep(page, "Transform");

  const sql = page.getByRole("textbox", { name: "SQL query" });
  await sql.click();
  await sql.pressSequentially("SELECT regi");
  const completions = page.getByRole("listbox", { name: "Completions" });
  await expect(completions.getByRole("option", { name: /^region/ }).first()).toBeVisible();
  await page.keyboard.press("Escape");
  // Another staged file completes by its SQL name (shown beside it in the staging area).
  await sql.fill("");
  await sql.pressSequentially("SELECT * FROM regio");
  await expect(completions.getByRole("option", { name: /^regions/ })).toBeVisible();
  await page.keyboard.press("Escape");

  await sql.fill("SELECT s.id, r.manager FROM transformed s JOIN regions r ON trim(s.region) = r.region ORDER BY s.id");
  await page.getByRole("button", { name: "Run SQL" }).click();
  const final = page.getByRole("grid", { name: "Final data" });
  await expect(final).toHaveAttribute("aria-rowcount", "5");
  await expect.poll(() => rowTexts(page, "Final data", 2)).toEqual(["1", "Ana"]);
  await expect.poll(() => rowTexts(page, "Final data", 5)).toEqual(["5", "Bo"]);
});

appTest("columns map onto a target schema: matched by name, confirmed by the user", async ({ page }) => {
  await openApp(page);
  await addFiles(page, [{ name: "crm.csv", content: "Customer ID,E-mail,amt\n1,a@x.org,5\n2,b@x.org,7\n" }]);
  await expectCounts(page, "2 rows in");
  await openStep(page, "Transform");

  await page.getByText("Map onto a target schema").click();
  await page.getByLabel(/Target columns, one per line/).fill("customer_id BIGINT\nemail\ntotal INTEGER\ncountry");
  await page.getByRole("button", { name: "Match columns" }).click();
  await expect(page.getByLabel("Source for customer_id")).toHaveValue("Customer ID");
  await expect(page.getByLabel("Source for email")).toHaveValue("E-mail");
  await expect(page.getByLabel("Source for total")).toHaveValue("");
  await page.getByLabel("Source for total").selectOption("amt");
  await page.getByRole("button", { name: "Add mapping step" }).click();

  const final = page.getByRole("grid", { name: "Final data" });
  await expect(final.getByRole("columnheader")).toHaveText(["customer_id", "email", "total", "country"]);
  await expect.poll(() => rowTexts(page, "Final data", 3)).toEqual(["2", "b@x.org", "7", ""]);
});

appTest("Fill down gives each empty cell the value above it in the file, also where the row above was rejected", async ({ page }) => {
  // A report's regions, each written on its group's first row only; the South group's first row breaks a rule.
  const report = ["region,email,units", "North,a@x.org,10", ",b@x.org,5", "South,broken,3", ",d@x.org,7", ",e@x.org,1", "East,f@x.org,2", ""].join("\n");
  await openApp(page);
  await addFiles(page, [{ name: "report.csv", content: report }]);
  await expectCounts(page, "6 rows in");
  await addRule(page, "Matches a pattern", { Column: "email", "Regular expression": "@" });
  await expectCounts(page, "6 rows in = 5 valid after steps + 1 rejected");

  await addStep(page, "Fill down", { Column: "region" });
  await expect(page.getByRole("listitem").filter({ hasText: "Fill empty region with the value above" })).toBeVisible();
  const final = page.getByRole("grid", { name: "Final data" });
  await expect(final).toHaveAttribute("aria-rowcount", "6");
  const regions = async () => Promise.all([2, 3, 4, 5, 6].map(async (row) => (await rowTexts(page, "Final data", row))[0]));
  await expect.poll(regions).toEqual(["North", "North", "South", "South", "East"]);
  await expectCounts(page, "6 rows in = 5 valid after steps + 1 rejected");

  // Changing the column first is refused, and says what to do.
  await addStep(page, "Trim spaces", { Column: "region" });
  await page.getByRole("button", { name: "Move step 2 up" }).click();
  const steps = page.getByRole("region", { name: "Transform steps" }).getByRole("listitem");
  await expect(steps.nth(1).getByRole("alert")).toContainText('put it before the steps that make or change "region"');
});
