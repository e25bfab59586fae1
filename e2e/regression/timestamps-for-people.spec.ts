import { expect, test } from "@playwright/test";
import { addFiles, openApp, openParsePanel, rowTexts, stagingArea } from "../support/app";

// DuckDB's sniffer reads only ISO timestamps: a column written as 31.12.2024 23:59 (a German export) or
// 12/31/2024 11:59 PM (a US one) stayed text, sorted as text and out of reach of a time range rule.
test("timestamps written for people stage as timestamps, and the file says how they were read", async ({ page }) => {
  await openApp(page);
  await addFiles(page, [{ name: "export.csv", content: "Datum;Betrag;Zeit\n31.12.2024;1.234,50;31.12.2024 23:59\n01.02.2024;12,00;01.02.2024 08:00\n15.03.2024;-5,25;NA\n" }]);
  await expect(stagingArea(page).getByRole("listitem").filter({ hasText: "export.csv" })).toContainText("3 rows");
  await expect.poll(() => rowTexts(page, "Staged data", 2)).toEqual(["2024-12-31", "1234.5", "2024-12-31 23:59:00"]);
  await expect.poll(() => rowTexts(page, "Staged data", 4)).toEqual(["2024-03-15", "-5.25", ""]);
  await expect((await openParsePanel(page)).getByText("Read as timestamps: Zeit (written as 31.12.2024 23:59).")).toBeVisible();
});
