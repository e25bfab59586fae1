import { appTest as test, expect } from "../support/test";
import { addFiles, openApp, openParsePanel, reread, rowTexts, stagedGrid } from "../support/app";
import { parquet } from "../support/files";

// A Parquet struct column (a nested record, as Spark or pandas write it) staged as one column shown as
// {'city': Paris, …}: its fields were out of reach of a rule, a filter or a sort, as JSON's objects were.
test("a Parquet file's struct columns stage as a column per field, in place; the user can keep them as one column", async ({ page }) => {
  await openApp(page);
  const file = await parquet(
    `SELECT * FROM (VALUES (1, {'city': 'Paris', 'geo': {'lat': 48.85, 'lng': 2.35}}, ['a'], 'x'), (2, NULL, [], 'y')) t(id, address, tags, note)`,
  );
  await addFiles(page, [{ name: "customers.parquet", content: file, mimeType: "application/octet-stream" }]);
  await expect(stagedGrid(page).getByRole("columnheader")).toHaveText(["id", "address.city", "address.geo.lat", "address.geo.lng", "tags", "note"]);
  await expect.poll(() => rowTexts(page, "Staged data", 2)).toEqual(["1", "Paris", "48.85", "2.35", "[a]", "x"]);
  await expect.poll(() => rowTexts(page, "Staged data", 3)).toEqual(["2", "", "", "", "[]", "y"]);
  await expect((await openParsePanel(page)).getByText("Nested objects were read as columns, one per field: address (as address.city).")).toBeVisible();

  await reread(page, { "Nested objects": "keep" });
  await expect(stagedGrid(page).getByRole("columnheader")).toHaveText(["id", "address", "tags", "note"]);
});
