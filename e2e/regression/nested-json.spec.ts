import { appTest as test, expect } from "../support/test";
import { addFiles, openApp, openParsePanel, reread, rowTexts, stagedGrid, stagingArea } from "../support/app";

// Objects inside records (an API's address, Elasticsearch's _source) staged as one struct column: their
// fields were out of reach of a rule, a filter or a sort, and shown as {'city': Paris, …}.
test("objects inside JSON records stage as a column per field, in place; the user can keep them as one column", async ({ page }) => {
  await openApp(page);
  const records = [
    { id: 1, name: "Ada", address: { city: "Paris", geo: { lat: 48.85, lng: 2.35 } }, tags: ["a"] },
    { id: 2, name: "Bo", address: { city: "Oslo", zip: "0150" }, tags: [] },
  ];
  await addFiles(page, [{ name: "customers.json", content: JSON.stringify({ status: "ok", data: records }) }]);
  await expect(stagingArea(page).getByRole("listitem").filter({ hasText: "customers.json" })).toContainText("2 rows");
  await expect(stagedGrid(page).getByRole("columnheader")).toHaveText(["id", "name", "address.city", "address.geo.lat", "address.geo.lng", "address.zip", "tags"]);
  await expect.poll(() => rowTexts(page, "Staged data", 2)).toEqual(["1", "Ada", "Paris", "48.85", "2.35", "", "[a]"]);
  await expect.poll(() => rowTexts(page, "Staged data", 3)).toEqual(["2", "Bo", "Oslo", "", "", "0150", "[]"]);
  await expect((await openParsePanel(page)).getByText("Nested objects were read as columns, one per field: address (as address.city).")).toBeVisible();

  await reread(page, { "Nested objects": "keep" });
  await expect(stagedGrid(page).getByRole("columnheader")).toHaveText(["id", "name", "address", "tags"]);
});

test("Elasticsearch hits stage with their _source fields as columns", async ({ page }) => {
  await openApp(page);
  const hits = [
    { _index: "logs", _id: "a1", _source: { level: "info", msg: "started" } },
    { _index: "logs", _id: "a2", _source: { level: "error", msg: "failed" } },
  ];
  await addFiles(page, [{ name: "hits.json", content: JSON.stringify({ took: 5, hits: { total: { value: 2 }, hits } }) }]);
  await expect(stagingArea(page).getByRole("listitem").filter({ hasText: "hits.json" })).toContainText("2 rows");
  await expect(stagedGrid(page).getByRole("columnheader")).toHaveText(["_index", "_id", "_source.level", "_source.msg"]);
  await expect.poll(() => rowTexts(page, "Staged data", 3)).toEqual(["logs", "a2", "error", "failed"]);
});
