import { appTest as test, expect } from "../support/test";
import { addFiles, openApp, openParsePanel, rowTexts, stagedGrid, stagingArea } from "../support/app";
import { xlsx } from "../support/files";

// A table of words alone ("name,city" over "ann,Paris") was read without its header: a column of words
// takes a word of the header as readily as a value, so the names became the first row and the columns
// were called column0, column1.
test("a table of words keeps its first row as its header", async ({ page }) => {
  await openApp(page);
  await addFiles(page, [{ name: "people.csv", content: "name,city\nann,Paris\nbob,Rome\ncy,Oslo\ndee,Lima\n" }]);
  await expect(stagingArea(page).getByRole("listitem").filter({ hasText: "people.csv" })).toContainText("4 rows");
  const grid = page.getByRole("grid", { name: "Staged data" });
  await expect(grid.getByRole("columnheader", { name: "name" })).toBeVisible();
  await expect(grid.getByRole("columnheader", { name: "city" })).toBeVisible();
  await expect.poll(() => rowTexts(page, "Staged data", 2)).toEqual(["ann", "Paris"]);
});

// A report's header of years ("region,2022,2023") over columns of numbers was read as a first row of data:
// each year fits its column, so nothing told the names apart from the values.
test("a header of years over columns of numbers is the header", async ({ page }) => {
  await openApp(page);
  await addFiles(page, [{ name: "by-year.csv", content: "region,2022,2023\nNorth,10,12\nSouth,11,13\nEast,9,8\nWest,7,6\n" }]);
  await expect(stagingArea(page).getByRole("listitem").filter({ hasText: "by-year.csv" })).toContainText("4 rows");
  const grid = page.getByRole("grid", { name: "Staged data" });
  await expect(grid.getByRole("columnheader", { name: "2023" })).toBeVisible();
  await expect.poll(() => rowTexts(page, "Staged data", 2)).toEqual(["North", "10", "12"]);
});

// R's write.table names every column but the first, which holds the rows' names: its header, one field
// narrower than the rows, was taken for a title line above the table and its names were lost.
test("R's header over its rows' names names every column but the first", async ({ page }) => {
  await openApp(page);
  await addFiles(page, [{ name: "from-r.tsv", content: "x\ty\n1\t1\tp\n2\t3\tq\n3\t5\tr\n" }]);
  await expect(stagingArea(page).getByRole("listitem").filter({ hasText: "from-r.tsv" })).toContainText("3 rows");
  const grid = page.getByRole("grid", { name: "Staged data" });
  await expect(grid.getByRole("columnheader", { name: "x" })).toBeVisible();
  await expect(grid.getByRole("columnheader", { name: "y" })).toBeVisible();
  await expect.poll(() => rowTexts(page, "Staged data", 2)).toEqual(["1", "1", "p"]);

  // A header whose first line ends inside a quoted name is not one narrower than the rows.
  await addFiles(page, [{ name: "spanning.csv", content: '"id","first\nname","amount"\n1,a,2\n2,b,3\n3,c,4\n' }]);
  await expect(stagingArea(page).getByRole("listitem").filter({ hasText: "spanning.csv" })).toContainText("3 rows");
  await stagingArea(page).getByRole("button", { name: "spanning.csv", exact: true }).click();
  await expect(grid.getByRole("columnheader", { name: "amount" })).toBeVisible();
  await expect.poll(() => rowTexts(page, "Staged data", 2)).toEqual(["1", "a", "2"]);
});

// R writes NA where a number is missing: the header's word fit the "word" an NA added to its column's shapes,
// so a table of codes and numbers with an NA ("code,staff" over "C,NA") lost its header.
test("a header over a column of numbers with NA among them is the header", async ({ page }) => {
  await openApp(page);
  await addFiles(page, [{ name: "staff.csv", content: "code,staff\nA,5\nB,7\nC,NA\n" }]);
  await expect(stagingArea(page).getByRole("listitem").filter({ hasText: "staff.csv" })).toContainText("3 rows");
  const grid = page.getByRole("grid", { name: "Staged data" });
  await expect(grid.getByRole("columnheader", { name: "staff" })).toBeVisible();
  await expect.poll(() => rowTexts(page, "Staged data", 4)).toEqual(["C", ""]);
});

// A report's sheet starts at column C under a title, with years over "Units" and "Revenue" (merged cells): the
// empty columns A and B staged as column0 and column1, the years' row was the header with unnamed columns, and
// the row of "Units" and "Revenue" a row of data that made every number text.
test("a sheet's header of groups over names, right of empty columns, names each column by both", async ({ page }) => {
  await openApp(page);
  const rows = [
    [null, null, "Quarterly sales"],
    [null, null, null],
    [null, null, "Region", "2024", null, "2023", null],
    [null, null, null, "Units", "Revenue", "Units", "Revenue"],
    [null, null, "North", 10, 1200.5, 9, 1100],
    [null, null, "South", 11, 1300.25, 8, 990],
  ];
  await addFiles(page, [{ name: "pivot.xlsx", content: await xlsx([{ sheet: "Sales", rows }]), mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" }]);
  await expect(stagingArea(page).getByRole("listitem").filter({ hasText: "pivot.xlsx" })).toContainText("2 rows");
  const grid = page.getByRole("grid", { name: "Staged data" });
  await expect(grid.getByRole("columnheader")).toHaveText(["Region", "2024 Units", "2024 Revenue", "2023 Units", "2023 Revenue"].map((name) => new RegExp(`^${name}`)));
  await expect.poll(() => rowTexts(page, "Staged data", 2)).toEqual(["North", "10", "1200.5", "9", "1100"]);
});

// A header cell wrapped with Alt+Enter in Excel saves as a quoted name over two lines ("Total⏎Revenue"):
// every rule, step and query had to write the line break.
test("a column name with a line break is read without it, and the file says so", async ({ page }) => {
  await openApp(page);
  await addFiles(page, [{ name: "wrapped.csv", content: '"Total\nRevenue",Region\n10,North\n20,South\n' }]);
  await expect(stagingArea(page).getByRole("listitem").filter({ hasText: "wrapped.csv" })).toContainText("2 rows");
  await expect(stagedGrid(page).getByRole("columnheader")).toHaveText(["Total Revenue", "Region"]);
  await expect((await openParsePanel(page)).getByText("Read without the line breaks in their names: “Total Revenue”.")).toBeVisible();
});

// A survey's answers as Qualtrics exports them: the short names, a line of the questions, a line of import ids
// ({"ImportId":"QID1"}). The questions were said to be the columns' units, and the import ids were a row that made
// every column text.
test("a Qualtrics export's three header lines are its header: the questions said as labels, the answers typed", async ({ page }) => {
  await openApp(page);
  const ids = ["startDate", "QID1_TEXT", "QID2"].map((id) => `"{""ImportId"":""${id}""}"`).join(",");
  const content = `StartDate,Q1,Q2\n"Start Date","How old are you?","How satisfied are you?"\n${ids}\n2024-01-01 10:00:00,34,5\n2024-01-02 11:00:00,28,4\n`;
  await addFiles(page, [{ name: "survey.csv", content }]);
  await expect(stagingArea(page).getByRole("listitem").filter({ hasText: "survey.csv" })).toContainText("2 rows");
  await expect.poll(() => rowTexts(page, "Staged data", 2)).toEqual(["2024-01-01 10:00:00", "34", "5"]);
  await expect(
    (await openParsePanel(page)).getByText("Line 2 gives the columns’ labels, read as part of the header, not as a row: StartDate “Start Date”, Q1 “How old are you?”, Q2 “How satisfied are you?”."),
  ).toBeVisible();
});
