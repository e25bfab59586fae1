import { readFileSync } from "node:fs";
import { zipSync } from "fflate";
import { createHash } from "node:crypto";
import { appTest, expect, test } from "./support/test";
import { addFiles, destination, openApp, openParsePanel, openStep, reread, rowTexts, stagedItem, stagingArea } from "./support/app";

// dBase tables as the dbffile package writes them (test/fixtures/dbf/make-parcels.mjs): 300 parcels in dBase III
// with Windows-1252 text.
const parcels = () => readFileSync(new URL("../test/fixtures/dbf/parcels.dbf", import.meta.url));

// A .dbf file (a shapefile's attributes, a FoxPro export) was "not a text file (byte 2 is a binary control character)".
appTest("a dBase table stages typed, its text in the code page it was written in; a zipped shapefile stages its attributes", async ({ page }) => {
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
  // Its .shp here is no shapefile's geometry: the attributes stage without it, and say why.
  await expect((await openParsePanel(page)).getByText("Its geometry is not read (roads.shp: its geometry file (.shp) does not start as a shapefile's does): the attributes are staged without it.")).toBeVisible();
});

// A zipped shapefile staged its attributes alone: its geometry (.shp) was left in the archive.
appTest("a shapefile's geometry, zipped with its attributes or added with them, stages as well-known text in a geometry column", async ({ page }) => {
  await openApp(page);
  const fixture = (name: string) => new Uint8Array(readFileSync(new URL(`../test/fixtures/dbf/${name}`, import.meta.url)));
  const zipped = zipSync({ "zones/zones.shp": fixture("zones.shp"), "zones/zones.shx": new Uint8Array(100), "zones/zones.dbf": fixture("zones.dbf"), "zones/zones.prj": new TextEncoder().encode('GEOGCS["WGS 84"]') });
  await addFiles(page, [{ name: "zones.zip", content: Buffer.from(zipped), mimeType: "application/zip" }]);
  await expect(stagedItem(page, "zones.dbf")).toContainText("4 rows");
  await expect.poll(() => rowTexts(page, "Staged data", 3)).toEqual(["lake", "POLYGON ((20 0, 20 10, 30 10, 30 0, 20 0), (22 2, 24 2, 24 4, 22 4, 22 2))"]);
  await expect.poll(() => rowTexts(page, "Staged data", 5)).toEqual(["unmapped", ""]);
  const panel = await openParsePanel(page);
  await expect(panel.getByText(/^Its geometry is read from zones\.shp \(sha256 /)).toBeVisible();
  await expect(panel.getByText("Its coordinates are in WGS 84, as zones.prj says.")).toBeVisible();
  await addFiles(page, [
    { name: "trails.dbf", content: Buffer.from(fixture("trails.dbf")), mimeType: "application/dbf" },
    { name: "trails.shp", content: Buffer.from(fixture("trails.shp")), mimeType: "application/octet-stream" },
  ]);
  await expect(stagedItem(page, "trails.dbf")).toContainText("2 rows");
  await expect.poll(() => rowTexts(page, "Staged data", 3)).toEqual(["valley", "MULTILINESTRING ((-0.5 51.25, -0.25 51.5), (1 52, 1.5 52.5))"]);
  await expect(stagingArea(page).getByRole("listitem")).toHaveCount(2);
  // Alone, a .shp is named for what it is.
  await addFiles(page, [{ name: "alone.shp", content: Buffer.from(fixture("trails.shp")), mimeType: "application/octet-stream" }]);
  await expect(page.getByRole("alert").getByText("This is a shapefile's geometry (.shp): it is read with the shapefile's attributes.")).toBeVisible();
  await addFiles(page, [{ name: "alone.prj", content: 'GEOGCS["WGS 84"]', mimeType: "text/plain" }]);
  await expect(page.getByRole("alert").getByText("This is a shapefile's projection (.prj): it names the coordinate system of its geometry.")).toBeVisible();
  await expect(stagingArea(page).getByRole("listitem")).toHaveCount(2);
  // Added later, the projection file of a staged table's name names its coordinate system.
  await addFiles(page, [{ name: "trails.prj", content: 'PROJCS["ETRS89 / UTM zone 33N",GEOGCS["ETRS89"]]', mimeType: "text/plain" }]);
  await expect(page.getByText("trails.dbf's coordinate system is the one trails.prj names.")).toBeVisible();
  await expect((await openParsePanel(page)).getByText("Its coordinates are in ETRS89 / UTM zone 33N, as trails.prj says.")).toBeVisible();
  await expect(stagingArea(page).getByRole("listitem")).toHaveCount(2);
});

// A memo field's text is kept in a .dbt file beside the table, which is not read: its column staged empty without a word.
appTest("a dBase table's memo fields that hold memos are named as empty, with what to do", async ({ page }) => {
  await openApp(page);
  await addFiles(page, [{ name: "notes.dbf", content: readFileSync(new URL("../test/fixtures/dbf/notes.dbf", import.meta.url)), mimeType: "application/dbf" }]);
  await expect(stagedItem(page, "notes.dbf")).toContainText("3 rows");
  await expect.poll(() => rowTexts(page, "Staged data", 2)).toEqual(["T-1", "", ""]);
  const panel = await openParsePanel(page);
  await expect(panel.getByText("Memo field NOTES is empty here: a memo's text is kept in a .dbt or .fpt file beside the table, which was not added with it.")).toContainText(
    "Add that file now (or the table and that file together, or a ZIP of both) to read it.",
  );
  // Added now, the memo file goes to the table staged before, which is read again with it.
  await addFiles(page, [{ name: "NOTES.DBT", content: readFileSync(new URL("../test/fixtures/dbf/notes.dbt", import.meta.url)), mimeType: "application/octet-stream" }]);
  await expect(page.getByText("Read notes.dbf again with NOTES.DBT.")).toBeVisible();
  await expect.poll(() => rowTexts(page, "Staged data", 4)).toEqual(["T-3", "Zoë's note", ""]);
  await expect(stagingArea(page).getByRole("listitem")).toHaveCount(1);
  await expect((await openParsePanel(page)).getByText(/^Its memo fields are read from NOTES\.DBT \(sha256 /)).toBeVisible();
});

// A shapefile's .cpg names its attributes' code page: a table of Cyrillic names in Windows-1251, whose header names none, read as Windows-1252.
appTest("a shapefile's code page file (.cpg) names the encoding its attributes are read in", async ({ page }) => {
  await openApp(page);
  const cyrillic = parcels();
  cyrillic[29] = 0;
  // "Москва" in Windows-1251, as the first record's OWNER (after its deleted mark and its 10-byte PARCEL).
  Buffer.from([0xcc, 0xee, 0xf1, 0xea, 0xe2, 0xe0, ...Array(24).fill(0x20)]).copy(cyrillic, cyrillic.readUInt16LE(8) + 11);
  await addFiles(page, [{ name: "moscow.dbf", content: cyrillic, mimeType: "application/dbf" }]);
  await expect(stagedItem(page, "moscow.dbf")).toContainText("300 rows");
  await expect.poll(async () => (await rowTexts(page, "Staged data", 2))[1]).toBe("Ìîñêâà");
  const zipped = zipSync({ "roads/roads.shp": new Uint8Array(100), "roads/roads.dbf": new Uint8Array(cyrillic), "roads/roads.cpg": new TextEncoder().encode("1251\r\n") });
  await addFiles(page, [{ name: "roads.zip", content: Buffer.from(zipped), mimeType: "application/zip" }]);
  await expect(stagedItem(page, "roads.dbf")).toContainText("300 rows");
  await expect(stagingArea(page).getByRole("listitem")).toHaveCount(2);
  await expect.poll(async () => (await rowTexts(page, "Staged data", 2))[1]).toBe("Москва");
  const panel = await openParsePanel(page);
  await expect(panel.getByText("How roads.dbf is read: DBF, windows-1251")).toBeVisible();
  await expect(panel.getByText("Its text was first read as windows-1251, the encoding its code page file roads.cpg names.")).toBeVisible();
  // Alone, a code page file is named for what it is, not staged as a table of one value.
  await addFiles(page, [{ name: "alone.cpg", content: "1251\r\n", mimeType: "text/plain" }]);
  await expect(page.getByRole("alert").getByText("This is a code page file (.cpg): it names the encoding of a dBase table's text")).toBeVisible();
  await expect(stagingArea(page).getByRole("listitem")).toHaveCount(2);
  // Added later, a code page file of a staged table's name reads that table again in its encoding.
  await addFiles(page, [{ name: "moscow.cpg", content: "1251\r\n", mimeType: "text/plain" }]);
  await expect(page.getByText("Read moscow.dbf again with moscow.cpg.")).toBeVisible();
  await stagedItem(page, "moscow.dbf").getByRole("button", { name: "moscow.dbf", exact: true }).click();
  await expect.poll(async () => (await rowTexts(page, "Staged data", 2))[1]).toBe("Москва");
  await expect(stagingArea(page).getByRole("listitem")).toHaveCount(2);
});

// Its memo file (.dbt), added with the table, was refused as binary, and the memos never read.
test("a dBase table added with its memo file stages the memos' text, and its version's lineage names both files", async ({ page }) => {
  await openApp(page);
  const memo = readFileSync(new URL("../test/fixtures/dbf/notes.dbt", import.meta.url));
  await addFiles(page, [
    { name: "notes.dbf", content: readFileSync(new URL("../test/fixtures/dbf/notes.dbf", import.meta.url)), mimeType: "application/dbf" },
    { name: "notes.dbt", content: memo, mimeType: "application/octet-stream" },
  ]);
  await expect(stagedItem(page, "notes.dbf")).toContainText("3 rows");
  await expect(stagingArea(page).getByRole("listitem")).toHaveCount(1);
  await expect.poll(() => rowTexts(page, "Staged data", 4)).toEqual(["T-3", "Zoë's note", ""]);
  await expect.poll(async () => (await rowTexts(page, "Staged data", 2))[1]).toMatch(/^Called twice, "no answer", then a message:\s+the line was busy;/);
  const panel = await openParsePanel(page);
  await expect(panel.getByText(/^Its memo fields are read from notes\.dbt \(sha256 /)).toBeVisible();
  await expect(panel.getByText(/^Memo fields? .* empty here/)).toHaveCount(0);
  // Read again, from the staging area's copies of both files.
  await reread(page, {});
  await expect.poll(() => rowTexts(page, "Staged data", 4)).toEqual(["T-3", "Zoë's note", ""]);
  await page.getByRole("button", { name: "Promote" }).click();
  await expect(destination(page).getByRole("listitem").first()).toContainText("v1 · 3 rows");
  await destination(page).getByText("Versions of notes").click();
  await destination(page).getByRole("button", { name: "Manifest of notes v1" }).click();
  await expect(destination(page).locator("pre")).toContainText(createHash("sha256").update(memo).digest("hex"));
  await expect(destination(page).getByRole("listitem", { name: "notes v1" })).toContainText("memos from notes.dbt");

  // Alone, a memo file is named for what it is.
  await addFiles(page, [{ name: "other.dbt", content: memo, mimeType: "application/octet-stream" }]);
  await expect(page.getByRole("alert").getByText("This is a dBase memo file (.dbt): the text of a table's memo fields, not a table.")).toBeVisible();

  // In a ZIP, the table and its memo file go together too.
  const zipped = zipSync({ "db/tickets.dbf": new Uint8Array(readFileSync(new URL("../test/fixtures/dbf/notes.dbf", import.meta.url))), "db/tickets.dbt": new Uint8Array(memo) });
  await addFiles(page, [{ name: "tickets.zip", content: Buffer.from(zipped), mimeType: "application/zip" }]);
  await expect(stagedItem(page, "tickets.dbf")).toContainText("3 rows");
  await expect.poll(() => rowTexts(page, "Staged data", 4)).toEqual(["T-3", "Zoë's note", ""]);
  await expect((await openParsePanel(page)).getByText(/^Its memo fields are read from tickets\.dbt \(sha256 /)).toBeVisible();
});
