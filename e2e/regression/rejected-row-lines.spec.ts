import { expect, test } from "@playwright/test";
import { addFiles, openApp, openStep, rowTexts } from "../support/app";
import { xlsx } from "../support/files";
import { addRule, expectCounts } from "../support/recipe";

// A rejected row's line was its row number plus one: wrong below title lines, a blank line, a line set
// aside or an empty row of a sheet (a row on line 9 of the file was reported on line 3).
test("a rejected row names its own line in the file, below titles, blank lines, empty rows and lines set aside", async ({ page }) => {
  await openApp(page);
  // A line of delimiters alone (a spreadsheet's empty row) is no row either.
  const csv = "Team report\nMade 2024-10-01\n\nid,name\n1,Ada\n\n2,Bo\n3,Cy,x,y,z\n,\n4,\n5,Ed\n";
  await addFiles(page, [{ name: "team.csv", content: csv }]);
  await expectCounts(page, "4 rows in");
  await addRule(page, "Required (not empty)", { Column: "name" });
  await expectCounts(page, "4 rows in = 3 valid after steps + 1 rejected");
  await openStep(page, "Review");
  await expect.poll(() => rowTexts(page, "Rejected rows", 2)).toEqual(["10", "4", "", '"name" is required (value: empty)']);
});

test("a rejected row of an Excel sheet names its row in the sheet, past an empty row", async ({ page }) => {
  await openApp(page);
  const file = await xlsx([{ sheet: "Team", rows: [["id", "name"], [1, "Ada"], [null, null], [2, "Bo"], [3, null]] }]);
  await addFiles(page, [{ name: "team.xlsx", content: file }]);
  await expectCounts(page, "3 rows in");
  await addRule(page, "Required (not empty)", { Column: "name" });
  await expectCounts(page, "3 rows in = 2 valid after steps + 1 rejected");
  await openStep(page, "Review");
  await expect.poll(() => rowTexts(page, "Rejected rows", 2)).toEqual(["5", "3", "", '"name" is required (value: empty)']);
});

test("a rejected NDJSON row names its line, past a blank line and a line set aside", async ({ page }) => {
  await openApp(page);
  await addFiles(page, [{ name: "team.ndjson", content: '{"id": 1, "name": "Ada"}\n\n{"id": 2,\n{"id": 3, "name": null}\n' }]);
  await expectCounts(page, "2 rows in");
  await addRule(page, "Required (not empty)", { Column: "name" });
  await expectCounts(page, "2 rows in = 1 valid after steps + 1 rejected");
  await openStep(page, "Review");
  await expect.poll(() => rowTexts(page, "Rejected rows", 2)).toEqual(["4", "3", "", '"name" is required (value: empty)']);
});
