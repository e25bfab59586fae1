import { type Page } from "@playwright/test";
import { appTest as test, expect } from "../support/test";
import { addFiles, openApp, openStep, rowTexts } from "../support/app";
import { xlsx } from "../support/files";
import { addRule, expectCounts } from "../support/recipe";

// A rejected row's line was its row number plus one: wrong below title lines, a blank line, a line set
// aside or an empty row of a sheet (a row on line 9 of the file was reported on line 3).

/** Stage a file of ids and names, one name missing, reject that row, and open the rejected rows. */
async function rejectMissingName(page: Page, file: { name: string; content: string | Buffer }, rows: number): Promise<void> {
  await openApp(page);
  await addFiles(page, [file]);
  await expectCounts(page, `${rows} rows in`);
  await addRule(page, "Required (not empty)", { Column: "name" });
  await expectCounts(page, `${rows} rows in = ${rows - 1} valid after steps + 1 rejected`);
  await openStep(page, "Review");
}

const rejectedRow = (page: Page) => rowTexts(page, "Rejected rows", 2);

const REASON = '"name" is required (value: empty)';

test("a rejected row names its own line in the file, below titles, blank lines, empty rows and lines set aside", async ({ page }) => {
  // A line of delimiters alone (a spreadsheet's empty row) is no row either.
  const content = "Team report\nMade 2024-10-01\n\nid,name\n1,Ada\n\n2,Bo\n3,Cy,x,y,z\n,\n4,\n5,Ed\n";
  await rejectMissingName(page, { name: "team.csv", content }, 4);
  await expect.poll(() => rejectedRow(page)).toEqual(["10", "4", "", REASON]);
});

test("a rejected row of a CRLF file names its own line, past a line set aside", async ({ page }) => {
  // DuckDB reported a CRLF file's rejected line from the LF before it: the line set aside was numbered one too
  // far, and so were the rows after it.
  await rejectMissingName(page, { name: "crlf.csv", content: "id,name\r\n1,Ada\r\n2,Bo,x,y\r\n3,\r\n4,Ed\r\n" }, 3);
  await expect.poll(() => rejectedRow(page)).toEqual(["4", "3", "", REASON]);
});

test("a rejected row of an Excel sheet names its row in the sheet, past an empty row", async ({ page }) => {
  const content = await xlsx([{ sheet: "Team", rows: [["id", "name"], [1, "Ada"], [null, null], [2, "Bo"], [3, null]] }]);
  await rejectMissingName(page, { name: "team.xlsx", content }, 3);
  await expect.poll(() => rejectedRow(page)).toEqual(["5", "3", "", REASON]);
});

test("a rejected NDJSON row names its line, past a blank line and a line set aside", async ({ page }) => {
  const content = '{"id": 1, "name": "Ada"}\n\n{"id": 2,\n{"id": 3, "name": null}\n';
  await rejectMissingName(page, { name: "team.ndjson", content }, 2);
  await expect.poll(() => rejectedRow(page)).toEqual(["4", "3", "", REASON]);
});

// A blank line inside a quoted value (a paragraph break in a note) was counted as a blank line between rows.
test("a rejected row names its line below a value with a paragraph break, which counts as its row's lines", async ({ page }) => {
  const content = 'id,name,note\n1,Ada,"first\n\nsecond"\n2,,b\n';
  await rejectMissingName(page, { name: "notes.csv", content }, 2);
  await expect.poll(() => rowTexts(page, "Rejected rows", 2)).toEqual(["5", "2", "", "b", REASON]);
  await openStep(page, "Stage");
  await expect(page.getByText("Lines: 5 lines = 4 in 2 rows + 1 header.")).toBeVisible();
});
