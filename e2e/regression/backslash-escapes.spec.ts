import { appTest as test, expect } from "../support/test";
import { addFiles, openApp, openParsePanel, rowTexts, stagingArea } from "../support/app";

// MySQL and PHP escape a quote inside a quoted value with a backslash (\"). Such rows have as many fields
// read either way, so the file was read as RFC 4180 text: the backslashes stayed in the values, and the
// line was counted as mended.
test("quotes escaped by backslashes are read as quotes", async ({ page }) => {
  await openApp(page);
  await addFiles(page, [{ name: "dump.csv", content: 'id,quote,x\n1,"he said \\"hi\\"",a\n2,"plain",b\n3,"back\\\\slash",c\n' }]);
  await expect(stagingArea(page).getByRole("listitem").filter({ hasText: "dump.csv" })).toContainText("3 rows");
  await expect.poll(() => rowTexts(page, "Staged data", 2)).toEqual(["1", 'he said "hi"', "a"]);
  await expect.poll(() => rowTexts(page, "Staged data", 4)).toEqual(["3", "back\\slash", "c"]);
  await expect((await openParsePanel(page)).getByText("Lines: 4 lines = 3 in 3 rows + 1 header.")).toBeVisible();
});
