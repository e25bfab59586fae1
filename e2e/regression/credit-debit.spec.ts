import { appTest as test, expect } from "../support/test";
import { addFiles, openApp, openParsePanel, rowTexts, stagingArea } from "../support/app";

// Bank statements mark amounts CR or DR (credit, debit): the columns stayed text, out of reach of a sum or a range rule.
test("amounts marked CR or DR stage as numbers, a debit negative, and the read says so", async ({ page }) => {
  await openApp(page);
  const content = 'Date,Description,Amount,Balance\n2024-01-03,COFFEE SHOP,4.50 DR,"1,245.50 CR"\n2024-01-03,SALARY,"2,500.00 CR","3,745.50 CR"\n2024-01-04,RENT,"1,200.00 DR","2,545.50 CR"\n2024-01-05,FEES,"3,000.00 DR",454.50 DR\n';
  await addFiles(page, [{ name: "statement.csv", content }]);
  await expect(stagingArea(page).getByRole("listitem").filter({ hasText: "statement.csv" })).toContainText("4 rows");
  await expect.poll(() => rowTexts(page, "Staged data", 2)).toEqual(["2024-01-03", "COFFEE SHOP", "-4.5", "1245.5"]);
  await expect.poll(() => rowTexts(page, "Staged data", 5)).toEqual(["2024-01-05", "FEES", "-3000.0", "-454.5"]);
  await expect((await openParsePanel(page)).getByText("Read as numbers: Amount, Balance (written as 1,234.56, marked CR or DR, DR read as negative).")).toBeVisible();
});
