import { appTest as test, expect } from "../support/test";
import { addFiles, openApp, openParsePanel, rowTexts, stagedGrid, stagingArea } from "../support/app";

// One cell of a single space in a column of numbers made DuckDB's sniffer read the whole column as text,
// without a word: the amounts then sorted as text and no range rule could apply.
test("a value of spaces alone among numbers and dates is read as empty, and the columns keep their types", async ({ page }) => {
  await openApp(page);
  await addFiles(page, [{ name: "blanks.csv", content: "id,amount,day\n1,2.5,2024-01-02\n2, , \n3,10,2024-01-04\n" }]);
  await expect(stagingArea(page).getByRole("listitem").filter({ hasText: "blanks.csv" })).toContainText("3 rows");
  const header = (name: string) => stagedGrid(page).getByRole("columnheader").filter({ hasText: name });
  await expect(header("amount")).toHaveAttribute("title", "amount (DOUBLE)");
  await expect(header("day")).toHaveAttribute("title", "day (DATE)");
  await expect(header("id")).toHaveAttribute("title", "id (BIGINT)");
  await expect.poll(() => rowTexts(page, "Staged data", 3)).toEqual(["2", "", ""]);
  await expect((await openParsePanel(page)).getByText("Values of spaces alone were read as empty")).toBeVisible();
});

// R writes NA for a missing value, SQL dumps NULL or \N: the column was text, so no range rule could apply and
// the destination kept "NA" strings. A text column's NA (Namibia) stays.
test("columns of numbers and dates with missing-value markers are typed, the markers empty; a text column keeps its NA", async ({ page }) => {
  await openApp(page);
  await addFiles(page, [{ name: "from-r.csv", content: "id,score,day,country\n1,2.5,2024-01-02,NA\n2,NA,NA,FR\n3,#DIV/0!,\\N,DE\n" }]);
  await expect(stagingArea(page).getByRole("listitem").filter({ hasText: "from-r.csv" })).toContainText("3 rows");
  const header = (name: string) => stagedGrid(page).getByRole("columnheader").filter({ hasText: name });
  await expect(header("score")).toHaveAttribute("title", "score (DOUBLE)");
  await expect(header("day")).toHaveAttribute("title", "day (DATE)");
  await expect(header("country")).toHaveAttribute("title", "country (VARCHAR)");
  await expect.poll(() => rowTexts(page, "Staged data", 3)).toEqual(["2", "", "", "FR"]);
  await expect.poll(() => rowTexts(page, "Staged data", 2)).toEqual(["1", "2.5", "2024-01-02", "NA"]);
  await expect.poll(() => rowTexts(page, "Staged data", 4)).toEqual(["3", "", "", "DE"]);
  await expect((await openParsePanel(page)).getByText("Read with missing-value markers (NA, NULL, \\N, Excel's #N/A, #DIV/0! and other errors) as empty: day, score.")).toBeVisible();
});

// MySQL writes 0000-00-00 where a date has none: the columns stayed text, sorted as text, out of reach of a date rule.
test("MySQL's zero dates are read as empty, and the columns are dates and timestamps", async ({ page }) => {
  await openApp(page);
  await addFiles(page, [{ name: "mysql.csv", content: "id,created,updated\n1,2024-01-02,2024-01-05 10:00:00\n2,0000-00-00,0000-00-00 00:00:00\n3,2024-02-03,2024-02-04 11:00:00\n" }]);
  await expect(stagingArea(page).getByRole("listitem").filter({ hasText: "mysql.csv" })).toContainText("3 rows");
  const header = (name: string) => stagedGrid(page).getByRole("columnheader").filter({ hasText: name });
  await expect(header("created")).toHaveAttribute("title", "created (DATE)");
  await expect(header("updated")).toHaveAttribute("title", "updated (TIMESTAMP)");
  await expect.poll(() => rowTexts(page, "Staged data", 3)).toEqual(["2", "", ""]);
  await expect((await openParsePanel(page)).getByText(/Read with missing-value markers .* as empty: created, updated\./)).toBeVisible();
});
