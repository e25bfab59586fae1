import { expect, test } from "../support/test";
import { addFiles, openApp, openParsePanel, reread, rowTexts, stagedGrid, stagingArea } from "../support/app";

// A CSV opened in a spreadsheet as one column and saved again wraps each line in quotes ("1,Ada,10"): it
// staged as one column of text named "id,name,amount".
test("lines each wrapped in quotes stage as the CSV inside them; the user can read them as they are", async ({ page }) => {
  await openApp(page);
  const content = ['"id,name,amount"', '"1,""Bo, Jr"",10.5"', '"2,Ada,20"', "", '"3,Cy,30"'].join("\r\n") + "\r\n";
  await addFiles(page, [{ name: "resaved.csv", content }]);
  await expect(stagingArea(page).getByRole("listitem").filter({ hasText: "resaved.csv" })).toContainText("3 rows");
  await expect(stagedGrid(page).getByRole("columnheader")).toHaveText(["id", "name", "amount"]);
  await expect.poll(() => rowTexts(page, "Staged data", 2)).toEqual(["1", "Bo, Jr", "10.5"]);
  await expect.poll(() => rowTexts(page, "Staged data", 4)).toEqual(["3", "Cy", "30.0"]);
  const panel = await openParsePanel(page);
  await expect(panel.getByText("Each line was wrapped in quotes as one value (a CSV saved again from one spreadsheet column): read as the text inside them.")).toBeVisible();
  await expect(panel.getByText("Lines: 5 lines = 3 in 3 rows + 1 header + 1 blank.")).toBeVisible();

  await reread(page, { "Lines wrapped in quotes": "whole" });
  await expect(stagedGrid(page).getByRole("columnheader")).toHaveText(["id,name,amount"]);
  await expect.poll(() => rowTexts(page, "Staged data", 2)).toEqual(['1,"Bo, Jr",10.5']);
});
