import { appTest as test, expect } from "../support/test";
import { addFiles, openApp, openParsePanel, rowTexts, stagingArea } from "../support/app";

// A German export delimited by semicolons writes a thousand as 1.000: with no decimal comma elsewhere in the
// file to tell, DuckDB read 1.000 as 1 and 2.500 as 2.5, a thousandfold off and without a word.
test("whole numbers grouped by points in a file delimited by semicolons stage as thousands, and the read says so", async ({ page }) => {
  await openApp(page);
  await addFiles(page, [{ name: "lager.csv", content: "Artikel;Datum;Menge\nÄpfel;01.02.2024;1.000\nBirnen;03.02.2024;2.500\nKiwi;05.02.2024;750\n" }]);
  await expect(stagingArea(page).getByRole("listitem").filter({ hasText: "lager.csv" })).toContainText("3 rows");
  await expect.poll(() => rowTexts(page, "Staged data", 2)).toEqual(["Äpfel", "2024-02-01", "1000"]);
  await expect.poll(() => rowTexts(page, "Staged data", 3)).toEqual(["Birnen", "2024-02-03", "2500"]);
  await expect((await openParsePanel(page)).getByText("Read as numbers: Menge (written as 1.234,56).")).toBeVisible();
});
