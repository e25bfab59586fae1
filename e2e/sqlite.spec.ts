import { readFileSync } from "node:fs";
import { appTest as test, expect } from "./support/test";
import { addFiles, openApp, openParsePanel, openStep, reread, rowTexts, stagedItem, stagingArea } from "./support/app";

// A SQLite database as Python's sqlite3 writes one (test/fixtures/sqlite/make-shop.py): 3,000 order lines on 1 KB
// pages, a table of customers with a column added later, a table of 600 tags stored WITHOUT ROWID, SQLite's own sqlite_sequence and a full-text index's shadow tables.
const shop = () => readFileSync(new URL("../test/fixtures/sqlite/shop.sqlite", import.meta.url));

// A SQLite database (an app's export, a Kaggle dataset) was refused: "This is a SQLite database, not a data file."
test("a SQLite database stages its largest table, typed; its other tables are chosen or staged each as a file", async ({ page }) => {
  await openApp(page);
  await addFiles(page, [{ name: "shop.sqlite", content: shop(), mimeType: "application/vnd.sqlite3" }]);
  await expect(stagedItem(page, "shop.sqlite")).toContainText("3,000 rows");
  // The rowid's column, a code kept as text, NULLs, a blob as DuckDB writes one, text in two scripts; integers past 2^53 (every thousandth row) kept exact, below.
  await expect.poll(() => rowTexts(page, "Staged data", 4)).toEqual(["3", "A-00003", "3", "3.75", "", "-3", "\\x03\\xFF"]);
  await expect.poll(() => rowTexts(page, "Staged data", 6)).toEqual(["5", "A-00005", "5", "6.25", "é日 5", "-5", ""]);
  const panel = await openParsePanel(page);
  await expect(panel.getByText("How shop.sqlite is read: SQLITE")).toBeVisible();
  await expect(panel.getByLabel("Table").getByRole("option")).toHaveText([
    "order lines",
    "customers",
    "tags",
    "seq",
    ...["sqlite_sequence", "notes_data", "notes_idx", "notes_content", "notes_docsize", "notes_config"].map((t) => `${t} (SQLite's own)`),
  ]);
  await openStep(page, "Validate");
  for (const [column, type] of [["id", "BIGINT"], ["order", "VARCHAR"], ["price", "DOUBLE"], ["big", "BIGINT"]]) {
    await expect(page.getByRole("listitem", { name: `Profile of ${column}` })).toContainText(`${column} ${type}`);
  }
  // 2^62 + 3000, exact (a double would make it …387904).
  await expect(page.getByRole("listitem", { name: "Profile of big" })).toContainText("-2999 – 4611686018427390904");
  await openStep(page, "Stage");

  await reread(page, { Table: "customers" });
  await expect(stagedItem(page, "shop.sqlite")).toContainText("2 rows");
  await expect.poll(() => rowTexts(page, "Staged data", 2)).toEqual(["0042", "Ada", "2024-01-05", "1"]);
  await expect.poll(() => rowTexts(page, "Staged data", 3)).toEqual(["0007", "Bo, Jr.", "2023-12-31", ""]);

  await (await openParsePanel(page)).getByRole("button", { name: "Stage the other tables, each as its own file" }).click();
  await expect(stagedItem(page, "shop-order-lines.csv")).toContainText("3,000 rows");
  await expect(stagedItem(page, "shop-seq.csv")).toContainText("1 row");
  // A table stored WITHOUT ROWID, its rows in its key's order (kind, then tag), its columns as declared.
  await expect(stagedItem(page, "shop-tags.csv")).toContainText("600 rows");
  await expect(stagingArea(page).getByRole("listitem")).toHaveCount(4);
  await stagingArea(page).getByRole("button", { name: "shop-tags.csv", exact: true }).click();
  // First the color tags: the four long ones ("long tag …" sorts before "t0003"), then t0003.
  await expect.poll(() => rowTexts(page, "Staged data", 6)).toEqual(["3", "t0003", "color"]);
});

// A GeoPackage (a SQLite database of map features, as GDAL and QGIS write one) staged GeoPackage's own tables' rows or
// its geometries as \x bytes.
test("a GeoPackage stages its features, geometries as well-known text", async ({ page }) => {
  await openApp(page);
  await addFiles(page, [{ name: "parks.gpkg", content: readFileSync(new URL("../test/fixtures/geopackage/parks.gpkg", import.meta.url)), mimeType: "application/geopackage+sqlite3" }]);
  await expect(stagedItem(page, "parks.gpkg")).toContainText("5 rows");
  await expect.poll(() => rowTexts(page, "Staged data", 2)).toEqual(["1", "POINT (13.08 63.4)", "Åre park", "12.5", "1990-05-01"]);
  await expect.poll(() => rowTexts(page, "Staged data", 5)).toEqual(["4", "MULTIPOLYGON (((0 0, 1 0, 1 1, 0 0)), ((5 5, 6 5, 6 6, 5 5)))", "Islands", "40.0", "2010-01-01"]);
  // GeoPackage's own tables are offered as SQLite's own.
  const panel = await openParsePanel(page);
  await expect(panel.getByLabel("Table").getByRole("option", { name: "parks", exact: true })).toHaveCount(1);
  await expect(panel.getByLabel("Table").getByRole("option", { name: "gpkg_contents (SQLite's own)", exact: true })).toHaveCount(1);
  await expect(panel.getByLabel("Table").getByRole("option", { name: "rtree_parks_geom_node (SQLite's own)", exact: true })).toHaveCount(1);
});
