import { readFileSync } from "node:fs";
import { appTest as test, expect } from "./support/test";
import { addFiles, openApp, openParsePanel, openStep, reread, rowTexts, stagedItem } from "./support/app";

// A Stata dataset as pandas writes one (test/fixtures/stata/make-survey.py): format 118, value labels, a long string.
const survey = () => readFileSync(new URL("../test/fixtures/stata/survey-118.dta", import.meta.url));

// A .dta file (a survey's microdata, an economics replication package) was read as CSV text and refused as binary.
test("a Stata dataset stages with its value labels, dates and date-times, missing values empty", async ({ page }) => {
  await openApp(page);
  await addFiles(page, [{ name: "survey.dta", content: survey(), mimeType: "application/x-stata-dta" }]);
  await expect(stagedItem(page, "survey.dta")).toContainText("250 rows");
  await expect.poll(() => rowTexts(page, "Staged data", 2)).toEqual(["1", "North", "18", "1000.5", "0.0", "0", "Zoë Ångström", "1990-01-01", "2024-03-01 13:45:30"]);
  await expect.poll(() => rowTexts(page, "Staged data", 3)).toEqual(["2", "South", "", "1012.75", "0.125", "1", "person 2", "1990-01-02", "2024-03-01 14:45:30"]);
  await expect((await openParsePanel(page)).getByText("How survey.dta is read: DTA")).toBeVisible();
  await openStep(page, "Validate");
  for (const [column, type] of [["region", "VARCHAR"], ["age", "BIGINT"], ["income", "DOUBLE"], ["born", "DATE"], ["seen", "TIMESTAMP"]]) {
    await expect(page.getByRole("listitem", { name: `Profile of ${column}` })).toContainText(`${column} ${type}`);
  }
});

// A dataset from Stata 10 to 12 (format 114, no tags) was refused with "save it again in Stata 13".
// Its labelled codes could only be read as their labels: an analysis that needs the codes had lost them.
test("a Stata 12 dataset stages the same rows; read again, its labelled codes stage as the codes they are", async ({ page }) => {
  await openApp(page);
  await addFiles(page, [{ name: "survey-114.dta", content: readFileSync(new URL("../test/fixtures/stata/survey-114.dta", import.meta.url)), mimeType: "application/x-stata-dta" }]);
  await expect(stagedItem(page, "survey-114.dta")).toContainText("250 rows");
  await expect.poll(() => rowTexts(page, "Staged data", 2)).toEqual(["1", "North", "18", "1000.5", "0.0", "0", "Zoë Ångström", "1990-01-01", "2024-03-01 13:45:30"]);
  // pandas wrote the regions' codes in their labels' order: East 0, North 1, South 2.
  await expect((await openParsePanel(page)).getByText("Column region is read as its codes' labels (0 as East), a code without a label as itself.", { exact: false })).toBeVisible();
  await reread(page, { "Labelled codes": "codes" });
  await expect.poll(async () => [(await rowTexts(page, "Staged data", 2))[1], (await rowTexts(page, "Staged data", 3))[1]]).toEqual(["1", "2"]);
  await expect((await openParsePanel(page)).getByText("Column region holds codes, as chosen; the labels of its codes are kept in the versions' schema (a Data Package's categories).")).toBeVisible();
  await openStep(page, "Validate");
  await expect(page.getByRole("listitem", { name: "Profile of region" })).toContainText("region BIGINT");
});

// A dataset from Stata 7 or older (an archive's survey from the 1990s) was refused with "open it in a later Stata".
test("a Stata 5 dataset (format 105) stages with its value labels, dates and missing values", async ({ page }) => {
  await openApp(page);
  await addFiles(page, [{ name: "survey-105.dta", content: readFileSync(new URL("../test/fixtures/stata/survey-105.dta", import.meta.url)), mimeType: "application/x-stata-dta" }]);
  await expect(stagedItem(page, "survey-105.dta")).toContainText("20 rows");
  await expect.poll(() => rowTexts(page, "Staged data", 3)).toEqual(["2", "South", "", "1012.75", "0.125", "person 2", "1990-01-02"]);
  await expect.poll(() => rowTexts(page, "Staged data", 4)).toEqual(["3", "East", "20", "", "0.25", "person 3", "1990-01-03"]);
});
