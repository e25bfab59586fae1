import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { gunzipSync } from "node:zlib";
import { zipSync } from "fflate";
import { appTest as test, expect, test as flowTest } from "./support/test";
import { addFiles, destination, openApp, openParsePanel, openStep, reread, rowTexts, stagedItem, stagingArea } from "./support/app";

const fixture = (name: string) => {
  const bytes = readFileSync(new URL(`../test/fixtures/sas/${name}`, import.meta.url));
  return name.endsWith(".gz") ? gunzipSync(bytes) : bytes;
};
const sasFile = (name: string, fixtureName = name) => ({ name, content: fixture(fixtureName), mimeType: "application/octet-stream" });

// A .sas7bdat file (a trial's or an agency's dataset) was refused as binary.
test("a SAS dataset stages with its dates, date-times and times typed, its missing values empty", async ({ page }) => {
  await openApp(page);
  // Written by SAS itself (pandas' test data): DATE, DATETIME and TIME formats.
  await addFiles(page, [{ name: "datetime.sas7bdat", content: fixture("datetime.sas7bdat"), mimeType: "application/x-sas-data" }]);
  await expect(stagedItem(page, "datetime.sas7bdat")).toContainText("5 rows");
  await expect.poll(async () => await rowTexts(page, "Staged data", 2)).toEqual(["one", "2017-11-24", "2018-03-17 00:00:00", "00:00:00"]);
  await expect.poll(async () => await rowTexts(page, "Staged data", 6)).toEqual(["five", "", "2018-03-31 14:20:33", "01:00:00"]);
  await expect((await openParsePanel(page)).getByText("How datetime.sas7bdat is read: SAS7BDAT")).toBeVisible();
  await openStep(page, "Validate");
  for (const [column, type] of [["desc", "VARCHAR"], ["mtg", "DATE"], ["dt", "TIMESTAMP"], ["tm", "TIME"]]) {
    await expect(page.getByRole("listitem", { name: `Profile of ${column}` })).toContainText(`${column} ${type}`);
  }
});

test("a SAS dataset of several pages, written by ReadStat, stages its UTF-8 text and codes with leading zeros", async ({ page }) => {
  await openApp(page);
  await addFiles(page, [{ name: "people.sas7bdat", content: fixture("people.sas7bdat"), mimeType: "application/x-sas-data" }]);
  await expect(stagedItem(page, "people.sas7bdat")).toContainText("300 rows");
  await expect.poll(async () => await rowTexts(page, "Staged data", 2)).toEqual(["1", "18", "1000.5", "Zoë Ångström", "00000"]);
  await expect.poll(async () => await rowTexts(page, "Staged data", 4)).toEqual(["3", "20", "", "日本語", "00002"]);
});

// A .xpt file (the transport format clinical trial data is submitted in) was refused as text with control characters.
test("a SAS transport file stages: XPORT 5 as SAS writes it, XPORT 8 with long names and UTF-8 text", async ({ page }) => {
  await openApp(page);
  await addFiles(page, [{ name: "example.xpt", content: fixture("example.xpt"), mimeType: "application/x-sas-xport" }]);
  await expect(stagedItem(page, "example.xpt")).toContainText("6 rows");
  await expect.poll(async () => await rowTexts(page, "Staged data", 2)).toEqual(["ALIVE", "POOR", "1216", "98.6"]);
  await expect((await openParsePanel(page)).getByText("How example.xpt is read: XPT")).toBeVisible();
  await addFiles(page, [{ name: "people.xpt", content: fixture("people.xpt"), mimeType: "application/x-sas-xport" }]);
  await expect(stagedItem(page, "people.xpt")).toContainText("300 rows");
  await expect.poll(async () => await rowTexts(page, "Staged data", 4)).toEqual(["3", "20", "", "日本語", "00002"]);
});

// A dataset's rows are read as DuckDB loads them: a fault met there is the file's, said with what to do (not as DuckDB's error).
test("a SAS dataset cut short says so, with what to do", async ({ page }) => {
  await openApp(page);
  await addFiles(page, [{ name: "cut.sas7bdat", content: fixture("people.sas7bdat").subarray(0, 20000), mimeType: "application/x-sas-data" }]);
  await expect(page.getByRole("alert").filter({ hasText: "cut.sas7bdat" })).toContainText(
    /This SAS dataset cannot be read: it is cut short: [\d,]+ of its 300 rows are missing\. Export it from SAS as CSV \(PROC EXPORT\), and stage that\./,
  );
});

// A transport library of several datasets (PROC COPY of a whole library, a submission's domains in one file) staged its first alone.
test("a SAS transport library of several datasets reads the one chosen, and stages the others each as its own file", async ({ page }) => {
  await openApp(page);
  const library = Buffer.concat([fixture("example.xpt"), fixture("known-values.xpt").subarray(3 * 80)]);
  await addFiles(page, [{ name: "library.xpt", content: library, mimeType: "application/x-sas-xport" }]);
  await expect(stagedItem(page, "library.xpt")).toContainText("6 rows");
  const panel = await openParsePanel(page);
  await expect(panel.getByText("The file has 2 datasets; this reads one.")).toBeVisible();
  await expect(panel.getByLabel("Dataset", { exact: true })).toHaveValue("ECON");
  await reread(page, { Dataset: "DF.VALS" });
  await expect(stagedItem(page, "library.xpt")).not.toContainText("6 rows");
  await expect.poll(async () => await rowTexts(page, "Staged data", 2)).toEqual(["-1000.0"]);
  await (await openParsePanel(page)).getByRole("button", { name: "Stage the other datasets, each as its own file" }).click();
  await expect(stagedItem(page, "library-ECON.xpt")).toContainText("6 rows");
  await expect.poll(async () => await rowTexts(page, "Staged data", 2)).toEqual(["ALIVE", "POOR", "1216", "98.6"]);
  await expect((await openParsePanel(page)).getByText("Made from dataset “ECON” of library.xpt")).toBeVisible();
});

// A dataset's user formats (PROC FORMAT's value labels) live in a catalog beside it, which was refused as "a SAS catalog, not a dataset".
flowTest("a SAS dataset added with its format catalog stages its codes as their labels, and its versions' lineage names the catalog", async ({ page }) => {
  await openApp(page);
  // Written by SAS (haven's test data): WORKSHOP (1 = R, 2 = SAS) and $GENDER (f = Female, m = Male).
  await addFiles(page, [sasFile("hadley.sas7bdat", "hadley.sas7bdat.gz"), sasFile("formats.sas7bcat")]);
  await expect(stagedItem(page, "hadley.sas7bdat")).toContainText("8 rows");
  await expect(stagingArea(page).getByRole("listitem")).toHaveCount(1);
  await expect.poll(() => rowTexts(page, "Staged data", 2)).toEqual(["1", "R", "Female", "1", "1", "5", "1"]);
  await expect.poll(() => rowTexts(page, "Staged data", 5)).toEqual(["4", "SAS", "", "3", "1", "", "3"]);
  const panel = await openParsePanel(page);
  // A column's label, as SAS keeps it, is shown with it and kept in the version's schema.
  await expect(page.getByRole("list", { name: "Columns of hadley.sas7bdat" })).toContainText("q1 BIGINT · The instructor was well prepared");
  await expect(page.getByRole("grid", { name: "Staged data" }).locator('[role="columnheader"][aria-colindex="4"]')).toHaveAttribute("title", "q1 (BIGINT): The instructor was well prepared");
  await expect(panel.getByText(/^Its formats' labels are read from the catalog formats\.sas7bcat \(sha256 /)).toBeVisible();
  await expect(panel.getByText("Columns workshop, gender are read as their codes' labels (1 as R), a code without a label as itself. To keep the codes, read it again with Labelled codes: as the codes they are.")).toBeVisible();
  // Read again, from the staging area's copies of both files.
  await reread(page, {});
  await expect.poll(() => rowTexts(page, "Staged data", 9)).toEqual(["8", "SAS", "Male", "4", "5", "5", "5"]);
  await page.getByRole("button", { name: "Promote" }).click();
  await expect(destination(page).getByRole("listitem").first()).toContainText("v1 · 8 rows");
  await destination(page).getByText("Versions of hadley").click();
  await destination(page).getByRole("button", { name: "Manifest of hadley v1" }).click();
  await expect(destination(page).locator("pre")).toContainText(createHash("sha256").update(fixture("formats.sas7bcat")).digest("hex"));
  await expect(destination(page).locator("pre")).toContainText(/"name": "q1",\s+"type": "BIGINT",\s+"label": "The instructor was well prepared"/);
  await expect(destination(page).getByRole("listitem", { name: "hadley v1" })).toContainText("labels from formats.sas7bcat");
  // Read again with its codes as they are: the catalog is kept, its labels not applied.
  await reread(page, { "Labelled codes": "codes" });
  await expect.poll(() => rowTexts(page, "Staged data", 2)).toEqual(["1", "1", "f", "1", "1", "5", "1"]);
  const again = await openParsePanel(page);
  await expect(again.getByText(/^Its codes are read as they are, as chosen; its format catalog is formats\.sas7bcat \(sha256 /)).toBeVisible();
  await expect(again.getByText("Columns workshop, gender hold codes, as chosen; the labels of their codes are kept in the versions' schema (a Data Package's categories).")).toBeVisible();
  // Promoted again, the version's schema keeps the codes' labels.
  await page.getByRole("button", { name: "Promote" }).click();
  await expect(destination(page).getByRole("listitem").first()).toContainText("v2 · 8 rows");
  await destination(page).getByRole("button", { name: "Manifest of hadley v2" }).click();
  await expect(destination(page).locator("pre")).toContainText(/"name": "workshop",\s+"type": "BIGINT",\s+"categories": \[\s+\{\s+"value": 1,\s+"label": "R"\s+\},\s+\{\s+"value": 2,\s+"label": "SAS"/);
});

test("a SAS dataset naming user formats without its catalog says so; a catalog alone says what it is, added later goes to the dataset; zipped, they go together", async ({ page }) => {
  await openApp(page);
  // The file picker offers the files that come with a table, to be picked with it.
  const accepted = ((await page.locator('input[type="file"]').getAttribute("accept")) ?? "").split(",");
  expect([".sas7bcat", ".dbt", ".fpt", ".shp", ".prj", ".cpg"].filter((ext) => !accepted.includes(ext))).toEqual([]);
  await addFiles(page, [sasFile("formats.sas7bcat")]);
  await expect(page.getByRole("alert").getByText("formats.sas7bcat: This is a SAS format catalog (.sas7bcat): the labels of the user formats that SAS datasets name, not a dataset.")).toBeVisible();
  await addFiles(page, [sasFile("hadley.sas7bdat", "hadley.sas7bdat.gz")]);
  await expect(stagedItem(page, "hadley.sas7bdat")).toContainText("8 rows");
  await expect.poll(() => rowTexts(page, "Staged data", 2)).toEqual(["1", "1", "f", "1", "1", "5", "1"]);
  const panel = await openParsePanel(page);
  await expect(panel.getByText(/^Columns workshop \(WORKSHOP\), gender \(\$GENDER\) name formats that SAS does not have/)).toContainText(
    "Add the catalog now (or together with the dataset, or a ZIP of both) to read their labels.",
  );
  // With no labels to read, how to read them is not asked.
  await expect(panel.getByLabel("Labelled codes")).toHaveCount(0);
  // Added now, the catalog goes to the dataset staged before, which is read again with it.
  await addFiles(page, [sasFile("formats.sas7bcat")]);
  await expect(page.getByText("Read hadley.sas7bdat again with formats.sas7bcat.")).toBeVisible();
  await expect(stagedItem(page, "hadley.sas7bdat")).toContainText("with formats.sas7bcat");
  await expect((await openParsePanel(page)).getByLabel("Labelled codes")).toHaveValue("labels");
  await expect.poll(() => rowTexts(page, "Staged data", 2)).toEqual(["1", "R", "Female", "1", "1", "5", "1"]);
  await expect(stagingArea(page).getByRole("listitem")).toHaveCount(1);
  // Special missing values (.A, .Z) with labels take them; one without (.H) stays empty.
  const zipped = zipSync({ "lib/tagged-na.sas7bdat": new Uint8Array(fixture("tagged-na.sas7bdat.gz")), "lib/tagged-na.sas7bcat": new Uint8Array(fixture("tagged-na.sas7bcat")) });
  await addFiles(page, [{ name: "lib.zip", content: Buffer.from(zipped), mimeType: "application/zip" }]);
  await expect(stagedItem(page, "tagged-na.sas7bdat")).toContainText("8 rows");
  await expect.poll(async () => [await rowTexts(page, "Staged data", 7), await rowTexts(page, "Staged data", 8), await rowTexts(page, "Staged data", 9)]).toEqual([["Apple"], [""], ["Zebra"]]);
});

test("a format catalog that cannot be read leaves the dataset's codes as they are, and the read panel says why", async ({ page }) => {
  await openApp(page);
  await addFiles(page, [sasFile("hadley.sas7bdat", "hadley.sas7bdat.gz"), { name: "formats.sas7bcat", content: fixture("formats.sas7bcat").subarray(0, 9000), mimeType: "application/octet-stream" }]);
  await expect(stagedItem(page, "hadley.sas7bdat")).toContainText("8 rows");
  await expect.poll(() => rowTexts(page, "Staged data", 2)).toEqual(["1", "1", "f", "1", "1", "5", "1"]);
  const panel = await openParsePanel(page);
  await expect(panel.getByText(/^Its catalog is not read \(formats\.sas7bcat: it is cut short: it ends in page 2 of its 4\): the codes are staged as they are\.$/)).toBeVisible();
  await expect(panel.getByText(/^Its formats' labels are read from the catalog/)).toHaveCount(0);
});
