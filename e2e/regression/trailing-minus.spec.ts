import { appTest as test, expect } from "../support/test";
import { addFiles, openApp, openParsePanel, rowTexts, stagingArea } from "../support/app";

// SAP writes a negative amount with its minus after it (1.234,56-): the column stayed text, out of reach of
// a sum or a range rule.
test("amounts with a minus after them (SAP) stage as negative numbers", async ({ page }) => {
  await openApp(page);
  await addFiles(page, [{ name: "sap.txt", content: "Material\tBetrag\tMenge\n100\t1.234,56-\t5\n200\t99,00\t3-\n300\t12.000,00\t7\n" }]);
  await expect(stagingArea(page).getByRole("listitem").filter({ hasText: "sap.txt" })).toContainText("3 rows");
  await expect.poll(() => rowTexts(page, "Staged data", 2)).toEqual(["100", "-1234.56", "5"]);
  await expect.poll(() => rowTexts(page, "Staged data", 3)).toEqual(["200", "99.0", "-3"]);
  await expect((await openParsePanel(page)).getByText(/Betrag/)).toBeVisible();
});
