import { appTest as test, expect } from "../support/test";
import { addFiles, openApp, parsePanel, rowTexts, stagedGrid, stagingArea } from "../support/app";

// A JSON export or download that stopped part-way was refused whole ("The file is not valid JSON: … at line 4").
test("a JSON array cut off mid-record stages its whole records, and sets aside the one it ends in with its line", async ({ page }) => {
  await openApp(page);
  const content = '[\n  {"id": 1, "name": "Ada"},\n  {"id": 2, "name": "Bo"},\n  {"id": 3, "na';
  await addFiles(page, [{ name: "cut.json", content, mimeType: "application/json" }]);
  await expect(stagingArea(page).getByRole("listitem").filter({ hasText: "cut.json" })).toContainText("2 rows");
  await expect(stagedGrid(page).getByRole("columnheader")).toHaveText(["id", "name"]);
  await expect.poll(() => rowTexts(page, "Staged data", 3)).toEqual(["2", "Bo"]);
  await expect(parsePanel(page).getByRole("status")).toContainText("1 line set aside");
});
