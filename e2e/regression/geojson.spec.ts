import { appTest as test, expect } from "../support/test";
import { addFiles, openApp, openParsePanel, rowTexts, stagedGrid, stagingArea } from "../support/app";

// A GeoJSON download staged one row per feature with its properties as one struct column ({'name': A, ...}),
// out of reach of a rule or a filter by column, and the geometry as a struct of lists.
test("a GeoJSON file stages one row per feature: its properties as columns, its geometry as GeoJSON text", async ({ page }) => {
  await openApp(page);
  const collection = {
    type: "FeatureCollection",
    features: [
      { type: "Feature", properties: { name: "Riverside", area: 2.5 }, geometry: { type: "Point", coordinates: [4.35, 50.85] } },
      { type: "Feature", properties: { name: "Hill", area: null }, geometry: { type: "Polygon", coordinates: [[[0, 0], [1, 0], [1, 1], [0, 0]]] } },
    ],
  };
  await addFiles(page, [{ name: "parks.geojson", content: JSON.stringify(collection, null, 2), mimeType: "application/geo+json" }]);
  await expect(stagingArea(page).getByRole("listitem").filter({ hasText: "parks.geojson" })).toContainText("2 rows");
  await expect(stagedGrid(page).getByRole("columnheader")).toHaveText(["name", "area", "geometry"]);
  await expect.poll(() => rowTexts(page, "Staged data", 2)).toEqual(["Riverside", "2.5", '{"type":"Point","coordinates":[4.35,50.85]}']);
  await expect.poll(() => rowTexts(page, "Staged data", 3)).toEqual(["Hill", "", '{"type":"Polygon","coordinates":[[[0,0],[1,0],[1,1],[0,0]]]}']);
  await expect((await openParsePanel(page)).getByText("Rows are the GeoJSON features: their properties as columns, and their geometry as GeoJSON text; “type” is not read.")).toBeVisible();
});
