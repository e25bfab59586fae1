import { appTest as test, expect } from "../support/test";
import { addFiles, openApp, rowTexts, stagingArea } from "../support/app";

// An NDJSON line that was not valid JSON was counted and downloadable, but could not be fixed where it was,
// as a CSV file's line can: the file had to be edited outside and staged again.
test("an NDJSON line set aside is edited in place and rejoins the rows, on its line", async ({ page }) => {
  await openApp(page);
  const content = '{"id": 1, "name": "a"}\n{"id": 2, "name": "b"}\n{"id": 3, "name": "c\n{"id": 4, "name": "d"}\n';
  await addFiles(page, [{ name: "events.ndjson", content, mimeType: "application/x-ndjson" }]);
  const item = stagingArea(page).getByRole("listitem").filter({ hasText: "events.ndjson" });
  await expect(item).toContainText("3 rows");
  await expect(page.getByText("1 line set aside, each with its reason in the download.")).toBeVisible();
  const line = page.getByRole("list", { name: "Lines set aside from events.ndjson" }).getByRole("textbox", { name: "Line 3" });
  await expect(line).toHaveValue('{"id": 3, "name": "c');
  await line.fill('{"id": 3, "name": "c"}');
  await page.getByRole("button", { name: "Rejoin line 3" }).click();
  await expect(item).toContainText("4 rows");
  await expect(page.getByText(/line set aside/)).toHaveCount(0);
  await expect.poll(() => rowTexts(page, "Staged data", 4)).toEqual(["3", "c"]);
  await expect.poll(() => rowTexts(page, "Staged data", 5)).toEqual(["4", "d"]);
});
