import { appTest as test, expect } from "../support/test";
import { addFiles, openApp, openParsePanel, rowTexts, stagedGrid, stagingArea } from "../support/app";

// Records whose keys change case (an API that wrote "Name", later "name") staged as two columns, Name and name_1,
// each empty where the other held the value, and nothing said so.
test("NDJSON keys that differ only in case stage as one column, and say so; keys that meet in a record stay apart", async ({ page }) => {
  await openApp(page);
  const content = ['{"id": 1, "Name": "Ada", "Team": "x"}', '{"id": 2, "name": "Bo", "team": "y", "Team": "z"}', '{"id": 3, "NAME": "Cy"}', ""].join("\n");
  await addFiles(page, [{ name: "people.ndjson", content, mimeType: "application/x-ndjson" }]);
  await expect(stagingArea(page).getByRole("listitem").filter({ hasText: "people.ndjson" })).toContainText("3 rows");
  await expect(page.getByRole("region", { name: "people.ndjson" })).toContainText("3 rows · 4 columns");
  const titles = () => stagedGrid(page).getByRole("columnheader").evaluateAll((headers) => headers.map((h) => h.getAttribute("title")).filter(Boolean));
  await expect.poll(titles).toEqual(["id (BIGINT)", "Name (VARCHAR)", "Team (VARCHAR)", "team_1 (VARCHAR)"]);
  await expect.poll(() => rowTexts(page, "Staged data", 2)).toEqual(["1", "Ada", "x", ""]);
  await expect.poll(() => rowTexts(page, "Staged data", 3)).toEqual(["2", "Bo", "z", "y"]);
  await expect.poll(() => rowTexts(page, "Staged data", 4)).toEqual(["3", "Cy", "", ""]);
  await expect((await openParsePanel(page)).getByText("Read leniently: keys that differ only in case, never in the same record, read as one column: Name (also written name, NAME).")).toBeVisible();
});

test("fields of objects inside records that differ only in case spread into one column", async ({ page }) => {
  await openApp(page);
  await addFiles(page, [{ name: "addresses.json", content: '[{"id": 1, "addr": {"City": "Oslo", "zip": "0150"}}, {"id": 2, "addr": {"city": "Rome", "zip": "00100"}}]', mimeType: "application/json" }]);
  await expect(page.getByRole("region", { name: "addresses.json" })).toContainText("2 rows · 3 columns");
  await expect.poll(() => rowTexts(page, "Staged data", 3)).toEqual(["2", "Rome", "00100"]);
  await expect((await openParsePanel(page)).getByText("Read leniently: keys that differ only in case, never in the same record, read as one column: addr.City (also written addr.city).")).toBeVisible();
});
