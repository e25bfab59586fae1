import { readFile } from "node:fs/promises";
import { DuckDBInstance } from "@duckdb/node-api";
import { appTest, expect, test } from "./support/test";
import { addFiles, destination, downloadBy, openApp, openStep, reread, rowTexts, stagedGrid, stagingArea } from "./support/app";
import { expectCounts } from "./support/recipe";

/**
 * A CSV file as spreadsheets and legacy exports write them: a title and a
 * blank line above the header, a stray quote and a row with a value too many
 * in the rows, notes below. It stages on the first try, says what it set
 * aside and mended, and a set-aside line edited in place joins the rows.
 */
test("a messy CSV file stages on the first try; a set-aside line is edited and rejoins the rows", async ({ page }) => {
  await openApp(page);
  const rows = Array.from({ length: 12 }, (_, i) => `${100 + i},item ${i},${i + 1},$${(i + 1) * 2}.50`);
  rows[3] = '103,"item 3,4,$8.50'; // a stray quote
  rows[7] = "107,item 7,8,9,$16.50"; // a value too many: no single mend fits
  const text = ["Quarterly orders", "", "id,name,qty,price", ...rows, "", "Total: 12 orders", "Figures are provisional", ""].join("\n");
  await addFiles(page, [{ name: "quarterly.csv", content: text }]);

  const item = stagingArea(page).getByRole("listitem").filter({ hasText: "quarterly.csv" });
  await expect(item).toContainText("11 rows");
  await expect(item).not.toContainText("could not be read");
  await expect(stagedGrid(page).getByRole("columnheader")).toHaveText(["id", "name", "qty", "price"]);
  await expect.poll(() => rowTexts(page, "Staged data", 5)).toEqual(["103", "item 3", "4", "8.5"]);

  const notice = page.getByRole("status").filter({ hasText: "set aside" });
  await expect(notice).toContainText("1 line set aside, 1 repaired — review");
  await expect(page.getByRole("list", { name: "Lines repaired in quarterly.csv" })).toContainText("Line 7: a stray quote dropped");
  await expect(page.getByText("Lines: 18 lines = 11 in 11 rows + 1 header + 2 above the table + 3 below it + 1 set aside.")).toBeVisible();
  await expect(page.getByText("Read with delimiter “,”, quote “\"”, escape “\"”, a header row, 2 lines skipped above the header.")).toBeVisible();

  const line = page.getByRole("textbox", { name: "Line 11" });
  await expect(line).toHaveValue("107,item 7,8,9,$16.50");
  await line.fill("107,item 7,8,$16.50");
  await page.getByRole("button", { name: "Rejoin line 11" }).click();

  await expect(item).toContainText("12 rows");
  await expect(page.getByText("Lines: 18 lines = 12 in 12 rows + 1 header + 2 above the table + 3 below it.")).toBeVisible();
  await expect.poll(() => rowTexts(page, "Staged data", 9)).toEqual(["107", "item 7", "8", "16.5"]);

  // The fix is saved with the file: a reload reads it the same way.
  await page.reload();
  await stagingArea(page).getByRole("button", { name: "quarterly.csv", exact: true }).click();
  await expect(stagedGrid(page)).toHaveAttribute("aria-rowcount", "13");

  // The destination carries where every line went, and it reconciles with the rows in.
  await page.getByRole("button", { name: "Promote" }).click();
  await expect(destination(page).getByRole("listitem").first()).toContainText("v1 · 12 rows");
  const manifest = await page.evaluate(async () => {
    const dir = await (await (await navigator.storage.getDirectory()).getDirectoryHandle("datasets")).getDirectoryHandle("quarterly");
    return JSON.parse(await (await (await dir.getFileHandle("v1.manifest.json")).getFile()).text());
  });
  expect(manifest.rows).toMatchObject({ in: 12, promoted: 12, rejected: 0 });
  expect(manifest.sources[0].lines).toMatchObject({ total: 18, preamble: 2, header: 1, notes: 3, blank: 0, setAside: 0, rowLines: 12, rows: 12 });
});

/** A spending report with a summary table below its rows: the rows stage, and the summary stages as a file of its own. */
appTest("a second table below the rows is left out, said so, and stages as its own file", async ({ page }) => {
  await openApp(page);
  const rows = Array.from({ length: 9 }, (_, i) => `2024-0${i + 1}-15,${["north", "south", "west"][i % 3]},${(i + 1) * 125}.00,invoice ${i}`);
  const text = ["date,region,amount,memo", ...rows, "", "region,total,count", "north,1500,3", "south,1875,3", "west,2250,3", ""].join("\n");
  await addFiles(page, [{ name: "spending.csv", content: text }]);
  await expect(stagingArea(page).getByRole("listitem").filter({ hasText: "spending.csv" })).toContainText("9 rows");
  await expect(page.getByRole("status").filter({ hasText: "set aside" })).toContainText("a second table below the rows — review");
  await expect(page.getByText("Lines: 15 lines = 9 in 9 rows + 1 header + 5 below it.")).toBeVisible();

  await page.getByRole("button", { name: "Stage the second table as its own file" }).click();
  const second = stagingArea(page).getByRole("listitem").filter({ hasText: "spending-table-2.csv" });
  await expect(second).toContainText("3 rows");
  await expect(stagedGrid(page).getByRole("columnheader")).toHaveText(["region", "total", "count"]);
  await expect.poll(() => rowTexts(page, "Staged data", 4)).toEqual(["west", "2250", "3"]);
  // The first file is unchanged.
  await expect(stagingArea(page).getByRole("listitem").filter({ hasText: "spending.csv" })).toContainText("9 rows");
});

/**
 * Numbers as Excel writes them in most of Europe: a decimal comma and dotted
 * thousands. They stage as numbers (DuckDB alone leaves them text, and its
 * thousands option would turn an address into a number); the panel says so,
 * and "Plain" reads numbers only as DuckDB does (1.200 is then one point two).
 */
appTest("numbers written with a decimal comma stage as numbers, and can be read plain", async ({ page }) => {
  await openApp(page);
  const text = "Datum;Artikel;Menge;Betrag;IP\n01.02.2024;Äpfel;3;1.234,56;192.168.1.1\n15.03.2024;Birnen;1.200;7,50;10.0.0.1\n28.03.2024;Kiwi;1;0,99;10.0.0.2\n";
  await addFiles(page, [{ name: "rechnung.csv", content: text }]);
  await expect(stagingArea(page).getByRole("listitem").filter({ hasText: "rechnung.csv" })).toContainText("3 rows");
  await openStep(page, "Stage");
  await expect(page.getByText("Read as numbers: Menge, Betrag (written as 1.234,56).")).toBeVisible();
  await expect.poll(() => rowTexts(page, "Staged data", 3)).toEqual(["2024-03-15", "Birnen", "1200", "7.5", "10.0.0.1"]);

  await reread(page, { Numbers: "plain" });
  await expect.poll(() => rowTexts(page, "Staged data", 3)).toEqual(["2024-03-15", "Birnen", "1.2", "7,50", "10.0.0.1"]);
  await expect(page.getByText(/^Read as numbers/)).toHaveCount(0);
});

appTest("amounts with a decimal comma given DECIMAL read as numbers; the one that is not is found, and only its row is rejected", async ({ page }) => {
  await openApp(page);
  await addFiles(page, [{ name: "betraege.csv", content: "id;kunde;betrag\n1;Ana;12,50\n2;Bo;abc\n3;Cy;7,00\n" }]);
  await expect(stagingArea(page).getByRole("listitem").filter({ hasText: "betraege.csv" })).toContainText("3 rows");
  await openStep(page, "Stage");
  await reread(page, { "Column types to force, one per line (e.g. zip VARCHAR)": "betrag DECIMAL(10,2)" });
  await expect(page.getByText(/Column betrag: 1 value did not fit DECIMAL\(10,2\) \(line 3: “abc”\)/)).toBeVisible();
  await page.getByRole("button", { name: 'Add rule: "betrag" must be a number with a decimal comma' }).click();
  await expectCounts(page, "3 rows in = 2 valid after steps + 1 rejected");
  // The rows left are numbers: the finding offers to make the column one in the final data.
  await page.getByRole("button", { name: "Convert betrag to DECIMAL(10,2) in the final data" }).click();
  await expect(page.getByText("A step converts it to DECIMAL(10,2) in the final data.")).toBeVisible();
  await openStep(page, "Review");
  await expect.poll(() => rowTexts(page, "Final data", 2)).toEqual(["1", "Ana", "12.50"]);
  await expect.poll(() => rowTexts(page, "Final data", 3)).toEqual(["3", "Cy", "7.00"]);
});

/** Dates written day first with points (31.12.2026), one of them no date: the rule and the convert step read them by that format. */
appTest("dates written as 18.03.2026 with one impossible date: its row alone is rejected, and the rest are dates in the final data", async ({ page }) => {
  await openApp(page);
  const days = ["18.03.2026", "21.10.2026", "27.08.2026", "07.12.2026", "31.02.2026", "16.07.2026"];
  await addFiles(page, [{ name: "termine.csv", content: `nr;datum\n${days.map((d, i) => `${i + 1};${d}`).join("\n")}\n` }]);
  await expect(stagingArea(page).getByRole("listitem").filter({ hasText: "termine.csv" })).toContainText("6 rows");
  await openStep(page, "Stage");
  await expect(page.getByText(/Column datum: 1 value did not fit DATE \(line 6: “31\.02\.2026”\)/)).toBeVisible();
  await page.getByRole("button", { name: 'Add rule: "datum" must be a date (format %d.%m.%Y)' }).click();
  await expectCounts(page, "6 rows in = 5 valid after steps + 1 rejected");
  await page.getByRole("button", { name: "Convert datum to DATE in the final data" }).click();
  await expect(page.getByText("A step converts it to DATE in the final data.")).toBeVisible();
  await openStep(page, "Review");
  await expect.poll(() => rowTexts(page, "Final data", 2)).toEqual(["1", "2026-03-18"]);
  await expect.poll(() => rowTexts(page, "Final data", 3)).toEqual(["2", "2026-10-21"]);
});

/** Two exports joined end to end, one writing dates the ISO way, the other day first: both ways are read, and the final data has dates. */
appTest("dates written two ways (2024-03-05 and 21/8/2024) are found, checked and converted reading both", async ({ page }) => {
  await openApp(page);
  const days = ["21/8/2024", "2024-03-05", "2024-03-06", "15/9/2024", "2024-03-08", "2024-03-09"];
  await addFiles(page, [{ name: "joined-days.csv", content: `nr,day\n${days.map((d, i) => `${i + 1},${d}`).join("\n")}\n` }]);
  await expect(stagingArea(page).getByRole("listitem").filter({ hasText: "joined-days.csv" })).toContainText("6 rows");
  await openStep(page, "Stage");
  await expect(page.getByText(/Column day: dates written 2 ways, 4 as %Y-%m-%d, 2 as %d\/%m\/%Y \(line 2: “21\/8\/2024”, line 5: “15\/9\/2024”\)/)).toBeVisible();
  await page.getByRole("button", { name: 'Add rule: "day" must be a date (format %Y-%m-%d or %d/%m/%Y)' }).click();
  await expectCounts(page, "6 rows in = 6 valid after steps + 0 rejected");
  await page.getByRole("button", { name: "Convert day to DATE in the final data" }).click();
  await expect(page.getByText("A step converts it to DATE in the final data.")).toBeVisible();
  await openStep(page, "Review");
  await expect.poll(() => rowTexts(page, "Final data", 2)).toEqual(["1", "2024-08-21"]);
  await expect.poll(() => rowTexts(page, "Final data", 3)).toEqual(["2", "2024-03-05"]);
});

/** A header that names a column twice and leaves one unnamed: the names DuckDB gave them are said, as rules and the destination use them. */
appTest("columns a header names twice or not at all are staged under the names the read gave, and said so", async ({ page }) => {
  await openApp(page);
  await addFiles(page, [{ name: "two-names.csv", content: "id,name,name,,amount\n1,a,b,x,1.5\n2,c,d,y,2.5\n" }]);
  await expect(stagingArea(page).getByRole("listitem").filter({ hasText: "two-names.csv" })).toContainText("2 rows");
  await expect(stagedGrid(page).getByRole("columnheader")).toHaveText(["id", "name", "name_1", "column3", "amount"]);
  await openStep(page, "Stage");
  await expect(page.getByText("Named by the read: “name_1” (the header’s second “name”), “column3” (no name in the header).", { exact: false })).toBeVisible();
});

/** Yes and no written Y and N, which DuckDB's sniffer reads as text: said so, and converted to booleans in the final data. */
appTest("a column of Y and N is found, and converted to booleans in the final data in one step", async ({ page }) => {
  await openApp(page);
  await addFiles(page, [{ name: "flags.csv", content: `nr,active\n${["Y", "N", "Y", "Y", "N"].map((f, i) => `${i + 1},${f}`).join("\n")}\n` }]);
  await expect(stagingArea(page).getByRole("listitem").filter({ hasText: "flags.csv" })).toContainText("5 rows");
  await openStep(page, "Stage");
  await expect(page.getByText("Column active: yes and no written as words (such as Y and N), read as text.")).toBeVisible();
  await page.getByRole("button", { name: "Convert active to BOOLEAN in the final data" }).click();
  await expect(page.getByText("A step converts it to BOOLEAN in the final data.")).toBeVisible();
  await openStep(page, "Review");
  await expect.poll(() => rowTexts(page, "Final data", 2)).toEqual(["1", "true"]);
  await expect.poll(() => rowTexts(page, "Final data", 3)).toEqual(["2", "false"]);
});

/** Amounts as an accounting export writes them, with a word where one is not known yet: said so, and read as numbers once the word is read as empty. */
appTest("amounts written as $1,234.56 with a TBD among them are reported, and read as numbers once TBD is read as empty", async ({ page }) => {
  await openApp(page);
  const amounts = ['"$1,250.00"', '"($56.10)"', '"$7.50"', "TBD", '"$12,000.99"', '"$0.99"'];
  await addFiles(page, [{ name: "ledger.csv", content: `account,amount\n${amounts.map((a, i) => `A-${i + 1},${a}`).join("\n")}\n` }]);
  await expect(stagingArea(page).getByRole("listitem").filter({ hasText: "ledger.csv" })).toContainText("6 rows");
  await openStep(page, "Stage");
  await expect(page.getByText(/Column amount: 1 value did not fit numbers written as 1,234\.56 \(line 5: “TBD”\)/)).toBeVisible();
  await page.getByRole("button", { name: "Read “TBD” as empty in every column" }).click();
  await expect(page.getByText("Read as numbers: amount (written as 1,234.56, in $).")).toBeVisible();
  await expect.poll(() => rowTexts(page, "Staged data", 3)).toEqual(["A-2", "-56.1"]);
});

/** An instrument's export with a line of units under the names, empty for the columns without one: part of the header, said, and the columns keep their types. */
test("a line of units under the header is read as part of it, and the columns are numbers", async ({ page }) => {
  await openApp(page);
  const rows = ["A,2024-01-01 00:00,12.5,1013.2", "A,2024-01-01 01:00,12.1,1013.0", "B,2024-01-01 00:00,9.8,1009.4", "B,2024-01-01 01:00,9.5,1009.9"];
  await addFiles(page, [{ name: "weather.csv", content: `station,time,temp,pressure\n,,degC,hPa\n${rows.join("\n")}\n` }]);
  await expect(stagingArea(page).getByRole("listitem").filter({ hasText: "weather.csv" })).toContainText("4 rows");
  await expect.poll(() => rowTexts(page, "Staged data", 2)).toEqual(["A", "2024-01-01 00:00:00", "12.5", "1013.2"]);
  await openStep(page, "Stage");
  await expect(page.getByText("Line 2 gives the columns’ units, read as part of the header, not as a row: temp “degC”, pressure “hPa”.")).toBeVisible();
  await expect(page.getByText(/read as text/)).toHaveCount(0);
  // The units go with the columns to the destination: the version's schema keeps them.
  await page.getByRole("button", { name: "Promote", exact: true }).click();
  const manifest = JSON.parse((await downloadBy(page, () => destination(page).getByRole("button", { name: "Download weather v1 manifest" }).click())).toString("utf8"));
  expect(manifest.schema).toEqual([
    { name: "station", type: "VARCHAR" },
    { name: "time", type: "TIMESTAMP" },
    { name: "temp", type: "DOUBLE", unit: "degC" },
    { name: "pressure", type: "DOUBLE", unit: "hPa" },
  ]);
});

/** Values that carry their unit (a shop's weights, a sensor's temperatures) were text: numbers now, the unit said and kept in the version's schema. */
test("numbers with a unit after each are numbers in that unit, which the version's schema keeps", async ({ page }) => {
  await openApp(page);
  await addFiles(page, [{ name: "parcels.csv", content: "parcel,weight,inside\nP1,12 kg,21.5 °C\nP2,15.5 kg,-3 °C\nP3,7 kg,4 °C\n" }]);
  await expect(stagingArea(page).getByRole("listitem").filter({ hasText: "parcels.csv" })).toContainText("3 rows");
  await expect.poll(() => rowTexts(page, "Staged data", 3)).toEqual(["P2", "15.5", "-3.0"]);
  await openStep(page, "Stage");
  await expect(page.getByText("Read as numbers: weight (written as 1,234.56 kg); inside (written as 1,234.56 °C).")).toBeVisible();
  await page.getByRole("button", { name: "Promote", exact: true }).click();
  const manifest = JSON.parse((await downloadBy(page, () => destination(page).getByRole("button", { name: "Download parcels v1 manifest" }).click())).toString("utf8"));
  expect(manifest.schema).toEqual([
    { name: "parcel", type: "VARCHAR" },
    { name: "weight", type: "DOUBLE", unit: "kg" },
    { name: "inside", type: "DOUBLE", unit: "°C" },
  ]);
});

/** A sheet saved as CSV with its date column formatted "General": Excel's serial day numbers, found and converted to dates in the final data. */
appTest("dates written as Excel's serial day numbers are found, and converted to dates in the final data", async ({ page }) => {
  await openApp(page);
  await addFiles(page, [{ name: "orders-export.csv", content: "Order ID,Order Date,Amount\n1001,45292,12.5\n1002,45300,7\n1003,45657,30.25\n" }]);
  await expect(stagingArea(page).getByRole("listitem").filter({ hasText: "orders-export.csv" })).toContainText("3 rows");
  await openStep(page, "Stage");
  await expect(page.getByText("Column Order Date: dates as Excel’s serial day numbers (45,292 is 2024-01-01), read as numbers.")).toBeVisible();
  await page.getByRole("button", { name: "Convert Order Date to DATE in the final data" }).click();
  await expect(page.getByText("A step converts it to DATE in the final data.")).toBeVisible();
  await openStep(page, "Review");
  await expect.poll(() => rowTexts(page, "Final data", 2)).toEqual(["1001", "2024-01-01", "12.5"]);
  await expect.poll(() => rowTexts(page, "Final data", 4)).toEqual(["1003", "2024-12-31", "30.25"]);
});

/** A wide export whose columns of numbers each have a word where a value is not known: what they share is offered once for all of them. */
appTest("twelve columns of numbers with a word among them each: their rules, conversions and words taken once for all", async ({ page }) => {
  await openApp(page);
  const columns = Array.from({ length: 12 }, (_, c) => `q${c + 1}`);
  // Row r (1 to 8) of column c holds c * r, but for one word in rows 1 to 4: "TBD", and "?" in the last column.
  const rows = Array.from({ length: 8 }, (_, r) => columns.map((_, c) => (r === c % 4 ? (c === 11 ? "?" : "TBD") : String((c + 1) * (r + 1)))).join(","));
  await addFiles(page, [{ name: "wide-survey.csv", content: `${columns.join(",")}\n${rows.join("\n")}\n` }]);
  await expect(stagingArea(page).getByRole("listitem").filter({ hasText: "wide-survey.csv" })).toContainText("8 rows");
  await openStep(page, "Stage");
  await expect(page.getByText("“TBD”, “?” among the values of 12 columns.")).toBeVisible();
  await expect(page.getByRole("button", { name: /as empty in every column/ })).toHaveCount(1);
  // The first ten columns' findings are listed, the rest on asking.
  await expect(page.getByText(/^Column q10:/)).toBeVisible();
  await expect(page.getByText(/^Column q11:/)).toHaveCount(0);
  await page.getByRole("button", { name: "Show all 12 columns" }).click();
  await expect(page.getByText(/^Column q12: 1 value did not fit BIGINT \(line 5: “\?”\)/)).toBeVisible();

  await page.getByRole("button", { name: "Add the 12 rules these columns offer" }).click();
  await expectCounts(page, "8 rows in = 4 valid after steps + 4 rejected");
  await page.getByRole("button", { name: "Convert the 12 columns to their types in the final data" }).click();
  await expect(page.getByText("A step converts it to BIGINT in the final data.")).toHaveCount(12);
  await openStep(page, "Review");
  await expect.poll(() => rowTexts(page, "Final data", 2)).toEqual(columns.map((_, c) => String((c + 1) * 5)));

  await openStep(page, "Stage");
  await page.getByRole("button", { name: "Read “TBD”, “?” as empty in every column" }).click();
  await expect(page.getByText(/among the values of/)).toHaveCount(0);
  await expect(page.getByText(/^Column q1:/)).toHaveCount(0);
});

/** Long references and written numbers keep their exact values from the file to the destination's CSV and Parquet. */
test("20-digit references and decimal-comma amounts are promoted and downloaded with their exact values", async ({ page }) => {
  await openApp(page);
  const text = "ICCID;Betrag\n89441000301234567890;1.234,56\n8944100030123456789;7,50\n";
  await addFiles(page, [{ name: "sim.csv", content: text }]);
  await expect(stagingArea(page).getByRole("listitem").filter({ hasText: "sim.csv" })).toContainText("2 rows");
  await expect.poll(() => rowTexts(page, "Staged data", 2)).toEqual(["89441000301234567890", "1234.56"]);

  await page.getByRole("button", { name: "Promote" }).click();
  await expect(destination(page).getByRole("listitem").filter({ hasText: "sim" })).toContainText("2 rows");
  const csv = page.waitForEvent("download");
  await destination(page).getByRole("button", { name: /^Download sim v1 as CSV/ }).click();
  expect(await readFile((await (await csv).path())!, "utf8")).toBe("ICCID,Betrag\r\n89441000301234567890,1234.56\r\n8944100030123456789,7.5\r\n");
  const parquet = page.waitForEvent("download");
  await destination(page).getByRole("button", { name: /^Download sim v1 as Parquet/ }).click();
  const duck = await (await DuckDBInstance.create(":memory:")).connect();
  const read = await duck.runAndReadAll(`SELECT CAST(ICCID AS VARCHAR) AS id, Betrag, typeof(Betrag) AS t FROM read_parquet('${(await (await parquet).path())!}') ORDER BY ICCID DESC`);
  expect(read.getRowObjectsJS()).toEqual([
    { id: "89441000301234567890", Betrag: 1234.56, t: "DOUBLE" },
    { id: "8944100030123456789", Betrag: 7.5, t: "DOUBLE" },
  ]);
});
