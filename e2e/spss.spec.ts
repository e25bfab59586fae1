import { readFileSync } from "node:fs";
import { appTest as test, expect, test as flowTest } from "./support/test";
import { expectCounts } from "./support/recipe";
import { addFiles, destination, openApp, openAppWithDuckDbHeld, openParsePanel, openStep, recordStatusTexts, reread, rowTexts, stagedItem, statusTexts } from "./support/app";

// An SPSS data file as GNU PSPP writes one (test/fixtures/spss/survey.sps): compressed, value labels, a missing value, a very long string.
const survey = () => readFileSync(new URL("../test/fixtures/spss/survey.sav", import.meta.url));

// A .sav file (a survey's data from SPSS) was read as CSV text and refused as binary.
test("an SPSS data file stages with its value labels, dates and date-times, its missing values empty", async ({ page }) => {
  await openApp(page);
  await addFiles(page, [{ name: "survey.sav", content: survey(), mimeType: "application/x-spss-sav" }]);
  await expect(stagedItem(page, "survey.sav")).toContainText("4 rows");
  // 99 is the age's missing value; 9 a region with no label.
  await expect.poll(async () => (await rowTexts(page, "Staged data", 3)).slice(0, 8)).toEqual(["2", "South", "", "1012.75", "1990-01-02", "2024-03-01 14:45:30", "person 2", "B02"]);
  await expect.poll(async () => (await rowTexts(page, "Staged data", 5)).slice(0, 4)).toEqual(["4", "9", "21", "1037.25"]);
  // The very long string (300 bytes, stored as two segments) read whole.
  await expect.poll(async () => (await rowTexts(page, "Staged data", 2))[8]).toMatch(/^x{250}éZoë/);
  const panel = await openParsePanel(page);
  await expect(panel.getByText("How survey.sav is read: SAV")).toBeVisible();
  // 99, the age's declared missing value, was dropped without a word; it can be kept.
  await expect(panel.getByText("Column age declares 99 missing (SPSS's user-missing values): read as empty, as SPSS reads them.", { exact: false })).toBeVisible();
  await reread(page, { "Declared missing values": "kept" });
  await expect.poll(async () => (await rowTexts(page, "Staged data", 3)).slice(0, 3)).toEqual(["2", "South", "99"]);
  await expect((await openParsePanel(page)).getByText("kept as the values they are, as chosen", { exact: false })).toBeVisible();
  await openStep(page, "Validate");
  for (const [column, type] of [["region_of_residence", "VARCHAR"], ["age", "BIGINT"], ["income", "DOUBLE"], ["born", "DATE"], ["seen", "TIMESTAMP"], ["longnote", "VARCHAR"]]) {
    await expect(page.getByRole("listitem", { name: `Profile of ${column}` })).toContainText(`${column} ${type}`);
  }
  // The same data ZLIB-compressed, as SPSS writes a .zsav.
  await addFiles(page, [{ name: "survey.zsav", content: readFileSync(new URL("../test/fixtures/spss/survey.zsav", import.meta.url)), mimeType: "application/x-spss-sav" }]);
  await expect(stagedItem(page, "survey.zsav")).toContainText("4 rows");
});

// A .por file (an archive's SPSS data from before .sav files travelled) was read as CSV text: one column of base-30 numbers.
test("an SPSS portable file stages its cases with their value labels and dates", async ({ page }) => {
  await openApp(page);
  await addFiles(page, [{ name: "survey.por", content: readFileSync(new URL("../test/fixtures/spss/survey.por", import.meta.url)), mimeType: "application/x-spss-por" }]);
  await expect(stagedItem(page, "survey.por")).toContainText("4 rows");
  await expect.poll(async () => (await rowTexts(page, "Staged data", 3)).slice(0, 8)).toEqual(["2", "South", "", "1012.75", "1990-01-02", "2024-03-01 14:45:30", "person 2", "B02"]);
  await expect((await openParsePanel(page)).getByText("How survey.por is read: POR")).toBeVisible();
});

// A string variable's value labels ("F" is "Female"; a long string's in a record of their own) were left out: its codes staged as they were.
flowTest("an SPSS data file's string codes stage as their labels; read again, every labelled column stages its codes; its label is its version's title", async ({ page }) => {
  await openApp(page);
  await addFiles(page, [{ name: "coded.sav", content: readFileSync(new URL("../test/fixtures/spss/coded.sav", import.meta.url)), mimeType: "application/x-spss-sav" }]);
  await expect(stagedItem(page, "coded.sav")).toContainText("5 rows");
  await expect.poll(() => rowTexts(page, "Staged data", 2)).toEqual(["1", "Female", "Germany", "low"]);
  await expect.poll(() => rowTexts(page, "Staged data", 4)).toEqual(["3", "X", "Elsewhere", "30"]);
  // Its score of 40 is declared missing (35 to 99), and labelled: kept, it reads as its label; a string's declared missing values too.
  await expect.poll(() => rowTexts(page, "Staged data", 5)).toEqual(["4", "", "Germany", ""]);
  await expect.poll(() => rowTexts(page, "Staged data", 6)).toEqual(["5", "", "", "middle"]);
  await expect((await openParsePanel(page)).getByText('Columns sex ("?"), country ("n/a"), score (35 to 99) declare values missing (SPSS\'s user-missing values): read as empty', { exact: false })).toBeVisible();
  await reread(page, { "Declared missing values": "kept" });
  await expect.poll(() => rowTexts(page, "Staged data", 5)).toEqual(["4", "", "Germany", "no answer"]);
  await expect.poll(() => rowTexts(page, "Staged data", 6)).toEqual(["5", "?", "n/a", "middle"]);
  await reread(page, { "Declared missing values": "empty" });
  const panel = await openParsePanel(page);
  await expect(panel.getByText("Columns sex, country, score are read as their codes' labels (F as Female), a code without a label as itself.", { exact: false })).toBeVisible();
  await expect(panel.getByText("Its label, “Coded survey, 2024”, is kept as its versions' title.")).toBeVisible();
  // The value labels suggest a rule: a code they miss ("X") is most often a mistake.
  await openStep(page, "Validate");
  await page.getByRole("button", { name: 'Add rule: "sex" must be one of: Female, Male' }).click();
  await expectCounts(page, "5 rows in = 4 valid after steps + 1 rejected");
  await reread(page, { "Labelled codes": "codes" });
  await expect.poll(() => rowTexts(page, "Staged data", 2)).toEqual(["1", "F", "DEU", "10"]);
  await expect((await openParsePanel(page)).getByText("Columns sex, country, score hold codes, as chosen;", { exact: false })).toBeVisible();
  // Or both: the codes, and a column of their labels beside each.
  await reread(page, { "Labelled codes": "both" });
  await expect.poll(() => rowTexts(page, "Staged data", 2)).toEqual(["1", "F", "Female", "DEU", "Germany", "10", "low"]);
  await expect.poll(() => rowTexts(page, "Staged data", 4)).toEqual(["3", "X", "", "Elsewhere", "", "30", ""]);
  await expect((await openParsePanel(page)).getByText("their labels in sex_label, country_label, score_label beside them", { exact: false })).toBeVisible();
  // Its codes beside their labels: the rule suggested for the column of codes is of its codes.
  await openStep(page, "Validate");
  await expect(page.getByRole("button", { name: 'Add rule: "sex" must be one of: F, M' })).toBeVisible();
  // The rule on the labels, added above, now meets codes: its rows are rejected, and say so.
  await page.getByRole("button", { name: "Promote" }).click();
  await expect(destination(page).getByRole("listitem").first()).toContainText("v1 · 2 rows");
  await destination(page).getByText("Versions of coded").click();
  await destination(page).getByRole("button", { name: "Manifest of coded v1" }).click();
  await expect(destination(page).locator("pre")).toContainText('"title": "Coded survey, 2024"');
  await expect(destination(page).getByRole("listitem", { name: "coded v1" })).toContainText("v1 · “Coded survey, 2024” · 2 rows promoted of 5 in, 3 rejected");
});

// A statistical dataset showed nothing until DuckDB had loaded all of it; a CSV file's first rows show at once.
flowTest("an SPSS data file dropped while the engine starts shows its first rows at once, as they will stage", async ({ page }) => {
  // DuckDB's wasm is held back until the file is in: the engine cannot be ready before it.
  const { release } = await openAppWithDuckDbHeld(page);
  await addFiles(page, [{ name: "survey.sav", content: survey(), mimeType: "application/x-spss-sav" }]);
  const head = page.getByRole("region", { name: "First rows of survey.sav" });
  await expect(head.getByRole("columnheader")).toHaveText(["id", "region_of_residence", "age", "income", "born", "seen", "name", "code", "longnote"]);
  await expect.poll(async () => (await head.getByRole("row").nth(2).getByRole("cell").allTextContents()).slice(0, 8)).toEqual(["2", "South", "", "1012.75", "1990-01-02", "2024-03-01 14:45:30", "person 2", "B02"]);
  await expect(head.getByRole("row")).toHaveCount(5);
  await expect(page.getByText("Starting the engine…")).toBeVisible();
  release();
  await expect(stagedItem(page, "survey.sav")).toContainText("4 rows", { timeout: 30_000 });
  await expect(head).toHaveCount(0);
  await expect.poll(async () => (await rowTexts(page, "Staged data", 3)).slice(0, 8)).toEqual(["2", "South", "", "1012.75", "1990-01-02", "2024-03-01 14:45:30", "person 2", "B02"]);
});

// A statistical dataset's load said nothing of how far it was ("Reading into DuckDB…") until it ended.
flowTest("a big SPSS file's load says how many of its rows are in so far", async ({ page }) => {
  await openApp(page);
  await recordStatusTexts(page);
  // 2,000,000 cases of two small numbers (test/fixtures/spss/many.sps).
  await addFiles(page, [{ name: "many.zsav", content: readFileSync(new URL("../test/fixtures/spss/many.zsav", import.meta.url)), mimeType: "application/x-spss-sav" }]);
  await expect(stagedItem(page, "many.zsav")).toContainText("2,000,000 rows", { timeout: 60_000 });
  const said = await statusTexts(page);
  expect(said.some((text) => /Loading rows into DuckDB: [\d,]+ rows of 2,000,000 rows \(\d+%\)/.test(text))).toBe(true);
});
