import { appTest as test, expect } from "../support/test";
import { addFiles, openApp, openParsePanel, rowTexts, stagingArea } from "../support/app";

// Exports written for Excel put codes in text formulas (="02134") so a spreadsheet keeps their leading zeros:
// every value staged with its = and quotes, so no ZIP code matched and no join on the account worked.
test("codes written as Excel text formulas (=\"02134\") stage as the text inside", async ({ page }) => {
  await openApp(page);
  await addFiles(page, [{ name: "accounts.csv", content: 'id,zip,account\n1,"=""02134""",="000123"\n2,"=""10001""",="004567"\n' }]);
  await expect(stagingArea(page).getByRole("listitem").filter({ hasText: "accounts.csv" })).toContainText("2 rows");
  await expect.poll(() => rowTexts(page, "Staged data", 2)).toEqual(["1", "02134", "000123"]);
  await expect((await openParsePanel(page)).getByText('Read as the text inside Excel\'s text formulas (="02134"): zip, account.')).toBeVisible();
});
