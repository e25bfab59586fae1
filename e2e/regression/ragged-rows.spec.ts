import { appTest as test, expect } from "../support/test";
import { addFiles, openApp, openParsePanel, rowTexts, stagedGrid, stagingArea } from "../support/app";

// A writer that leaves out each row's trailing empty values: the header, wider than most rows, was taken for a
// title line (the columns were named column0, column1, …), and the rows that filled the last column were set aside.
test("a header that names more columns than the rows fill stays the header, and short rows are read with empty values", async ({ page }) => {
  await openApp(page);
  const rows = Array.from({ length: 12 }, (_, i) => (i % 4 === 3 ? `${i + 1},x${i + 1},${i + 1}.5,late` : `${i + 1},x${i + 1},${i + 1}.5`));
  await addFiles(page, [{ name: "ragged.csv", content: ["id,name,amount,note", ...rows].join("\n") + "\n" }]);
  await expect(stagingArea(page).getByRole("listitem").filter({ hasText: "ragged.csv" })).toContainText("12 rows");
  await expect(stagedGrid(page).getByRole("columnheader")).toHaveText(["id", "name", "amount", "note"]);
  await expect.poll(() => rowTexts(page, "Staged data", 4)).toEqual(["3", "x3", "3.5", ""]);
  await expect.poll(() => rowTexts(page, "Staged data", 5)).toEqual(["4", "x4", "4.5", "late"]);
  const panel = await openParsePanel(page);
  await expect(panel.getByText("The header names more columns than some rows fill: those rows are read with their last values empty.")).toBeVisible();
  await expect(panel.getByText("Lines: 13 lines = 12 in 12 rows + 1 header.")).toBeVisible();
});
