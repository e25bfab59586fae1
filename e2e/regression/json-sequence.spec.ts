import { appTest as test, expect } from "../support/test";
import { addFiles, openApp, openParsePanel, rowTexts, stagingArea } from "../support/app";

// `jq '.[]'` writes each object pretty-printed, one after another, not in an array: such a .json file was
// refused ("more after the end of the first value") and such a .ndjson file had every line set aside,
// while DuckDB's own reader takes both.
test("JSON objects one after another, as jq writes them, stage as rows", async ({ page }) => {
  await openApp(page);
  const area = stagingArea(page);
  const pretty = '{\n  "id": 1,\n  "name": "a"\n}\n{\n  "id": 2,\n  "name": "b"\n}\n{\n  "id": 3,\n  "name": "c"\n}\n';
  await addFiles(page, [{ name: "jq.json", content: pretty, mimeType: "application/json" }]);
  await expect(area.getByRole("listitem").filter({ hasText: "jq.json" })).toContainText("3 rows");
  await expect.poll(() => rowTexts(page, "Staged data", 4)).toEqual(["3", "c"]);
  await expect((await openParsePanel(page)).getByText("Rows are the file's JSON objects one after another (as jq writes them), not in one array.")).toBeVisible();

  await addFiles(page, [{ name: "jq.ndjson", content: pretty.replace('"c"', '"d"'), mimeType: "application/x-ndjson" }]);
  await expect(area.getByRole("listitem").filter({ hasText: "jq.ndjson" })).toContainText("3 rows");
  await area.getByRole("button", { name: "jq.ndjson", exact: true }).click();
  await expect.poll(() => rowTexts(page, "Staged data", 4)).toEqual(["3", "d"]);
});

// Exports or an API's pages appended to one file (`curl … >> all.json`): arrays one after another were
// refused ("Every record must be a JSON object").
test("JSON arrays of objects one after another stage as their objects", async ({ page }) => {
  await openApp(page);
  const pages = '[{"id": 1, "name": "a"}, {"id": 2, "name": "b"}]\n[{"id": 3, "name": "c"}]\n';
  await addFiles(page, [{ name: "pages.json", content: pages, mimeType: "application/json" }]);
  await expect(stagingArea(page).getByRole("listitem").filter({ hasText: "pages.json" })).toContainText("3 rows");
  await expect.poll(() => rowTexts(page, "Staged data", 4)).toEqual(["3", "c"]);
  await expect((await openParsePanel(page)).getByText("Rows are the objects of the file's 2 arrays, one after another (exports or pages appended to one file).")).toBeVisible();
});
