import { appTest as test, expect } from "../support/test";
import { addFiles, openApp, openParsePanel, rowTexts, stagingArea } from "../support/app";

// Files written by old DOS and Windows tools end with Ctrl-Z (0x1A). Glued to the last value it made that
// value "3.5\x1a" and its column text; on a line of its own it is a blank line.
test("a DOS end-of-file mark is left out: the last value keeps its column's type, and its own line counts as blank", async ({ page }) => {
  await openApp(page);
  const area = stagingArea(page);
  await addFiles(page, [{ name: "glued.csv", content: "id,name,amount\r\n1,x,2.5\r\n2,y,3.5\x1a" }]);
  await expect(area.getByRole("listitem").filter({ hasText: "glued.csv" })).toContainText("2 rows");
  await expect.poll(() => rowTexts(page, "Staged data", 3)).toEqual(["2", "y", "3.5"]);
  await expect((await openParsePanel(page)).getByText("Lines: 3 lines = 2 in 2 rows + 1 header.")).toBeVisible();

  await addFiles(page, [{ name: "alone.csv", content: "id,amount\n1,2.5\n2,3.5\n\x1a" }]);
  await expect(area.getByRole("listitem").filter({ hasText: "alone.csv" })).toContainText("2 rows");
  await area.getByRole("button", { name: "alone.csv", exact: true }).click();
  await expect.poll(() => rowTexts(page, "Staged data", 3)).toEqual(["2", "3.5"]);
  await expect((await openParsePanel(page)).getByText("Lines: 4 lines = 2 in 2 rows + 1 header + 1 blank.")).toBeVisible();
});

test("a DOS end-of-file mark ending a JSON or NDJSON file is left out, not a line set aside or a fault", async ({ page }) => {
  await openApp(page);
  const area = stagingArea(page);
  await addFiles(page, [{ name: "log.ndjson", content: '{"id": 1}\r\n{"id": 2}\r\n\x1a', mimeType: "application/x-ndjson" }]);
  await expect(area.getByRole("listitem").filter({ hasText: "log.ndjson" })).toContainText("2 rows");
  await expect(page.getByText(/set aside/)).toHaveCount(0);
  await addFiles(page, [{ name: "list.json", content: '[{"id": 1}, {"id": 2}]\x1a', mimeType: "application/json" }]);
  await expect(area.getByRole("listitem").filter({ hasText: "list.json" })).toContainText("2 rows");
});
