import { readFileSync } from "node:fs";
import { zipSync } from "fflate";
import { appTest as test, expect } from "./support/test";
import { addFiles, openApp, openParsePanel, openStep, rowTexts, stagedItem, stagingArea } from "./support/app";

// dBase tables as the dbffile package writes them (test/fixtures/dbf/make-parcels.mjs): 300 parcels in dBase III
// with Windows-1252 text.
const parcels = () => readFileSync(new URL("../test/fixtures/dbf/parcels.dbf", import.meta.url));

// A .dbf file (a shapefile's attributes, a FoxPro export) was "not a text file (byte 2 is a binary control character)".
test("a dBase table stages typed, its text in the code page it was written in; a zipped shapefile stages its attributes", async ({ page }) => {
  await openApp(page);
  // Its third record marked deleted, as dBase marks a record it has not yet packed away.
  const marked = parcels();
  marked[marked.readUInt16LE(8) + 2 * marked.readUInt16LE(10)] = 0x2a;
  await addFiles(page, [{ name: "parcels.dbf", content: marked, mimeType: "application/dbf" }]);
  await expect(stagedItem(page, "parcels.dbf")).toContainText("299 rows");
  await expect.poll(() => rowTexts(page, "Staged data", 2)).toEqual(["P-0001", "Zoë Ångström", "12.5", "0", "2024-01-01", "true"]);
  await expect.poll(() => rowTexts(page, "Staged data", 3)).toEqual(["P-0002", "", "", "1", "", ""]);
  const panel = await openParsePanel(page);
  await expect(panel.getByText("How parcels.dbf is read: DBF, windows-1252")).toBeVisible();
  await expect(panel.getByText("1 record marked deleted in the table (dBase keeps them until the file is packed) is left out, as dBase leaves them out.")).toBeVisible();
  await expect.poll(() => rowTexts(page, "Staged data", 4)).toEqual(["P-0004", "Owner 4", "50.0", "0", "2024-01-04", "false"]);
  await openStep(page, "Validate");
  for (const [column, type] of [["PARCEL", "VARCHAR"], ["AREA_M2", "DOUBLE"], ["ZONE", "BIGINT"], ["SURVEYED", "DATE"], ["BUILT", "BOOLEAN"]]) {
    await expect(page.getByRole("listitem", { name: `Profile of ${column}` })).toContainText(`${column} ${type}`);
  }
  await openStep(page, "Stage");

  // A shapefile as portals publish it: its geometry, index and projection beside the attributes, zipped.
  const shapefile = Buffer.from(zipSync({ "roads/roads.shp": new Uint8Array(100), "roads/roads.shx": new Uint8Array(100), "roads/roads.prj": new TextEncoder().encode('GEOGCS["WGS 84"]'), "roads/roads.dbf": new Uint8Array(parcels()) }));
  await addFiles(page, [{ name: "roads.zip", content: shapefile, mimeType: "application/zip" }]);
  await expect(stagedItem(page, "roads.dbf")).toContainText("300 rows");
  await expect(stagingArea(page).getByRole("listitem")).toHaveCount(2);
});

// A memo field's text is kept in a .dbt file beside the table, which is not read: its column staged empty without a word.
test("a dBase table's memo fields that hold memos are named as empty, with what to do", async ({ page }) => {
  await openApp(page);
  await addFiles(page, [{ name: "notes.dbf", content: readFileSync(new URL("../test/fixtures/dbf/notes.dbf", import.meta.url)), mimeType: "application/dbf" }]);
  await expect(stagedItem(page, "notes.dbf")).toContainText("3 rows");
  await expect.poll(() => rowTexts(page, "Staged data", 2)).toEqual(["T-1", "", ""]);
  const panel = await openParsePanel(page);
  await expect(panel.getByText("Memo field NOTES is empty here: a memo's text is kept in a .dbt or .fpt file beside the table, which Stages does not read.")).toContainText(
    "open the table in LibreOffice with that file beside it",
  );
});
