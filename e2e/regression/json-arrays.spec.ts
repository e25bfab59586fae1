import { appTest as test, expect } from "../support/test";
import { addFiles, openApp, openParsePanel, rowTexts, stagedGrid, stagingArea } from "../support/app";

// A spreadsheet API's values (an array of arrays, the first the names) and pandas' to_json(orient="split")
// were refused ("Every record must be a JSON object") or read as one row of lists.
test("JSON rows written as arrays of values stage as rows, named by the first array or by their columns", async ({ page }) => {
  await openApp(page);
  await addFiles(page, [{ name: "values.json", content: '[["id","name"],[1,"a"],[2,"b"]]', mimeType: "application/json" }]);
  await expect(stagingArea(page).getByRole("listitem").filter({ hasText: "values.json" })).toContainText("2 rows");
  await expect(stagedGrid(page).getByRole("columnheader")).toHaveText(["id", "name"]);
  await expect.poll(() => rowTexts(page, "Staged data", 3)).toEqual(["2", "b"]);
  await expect((await openParsePanel(page)).getByText("Rows are the file's arrays of values, named by its first array.")).toBeVisible();

  await addFiles(page, [{ name: "split.json", content: '{"columns":["id","score"],"index":[0,1],"data":[[1,2.5],[2,3.5]]}', mimeType: "application/json" }]);
  await expect(stagingArea(page).getByRole("listitem").filter({ hasText: "split.json" })).toContainText("2 rows");
  await expect(stagedGrid(page).getByRole("columnheader")).toHaveText(["id", "score"]);
  await expect.poll(() => rowTexts(page, "Staged data", 2)).toEqual(["1", "2.5"]);
});

// pandas' DataFrame.to_json() writes an object of columns, each keyed by row: it was one row of structs.
test("a pandas frame written by to_json() stages row by row", async ({ page }) => {
  await openApp(page);
  await addFiles(page, [{ name: "frame.json", content: '{"id":{"0":1,"1":2},"name":{"0":"a","1":"b"}}', mimeType: "application/json" }]);
  await expect(stagingArea(page).getByRole("listitem").filter({ hasText: "frame.json" })).toContainText("2 rows");
  await expect(stagedGrid(page).getByRole("columnheader")).toHaveText(["id", "name"]);
  await expect.poll(() => rowTexts(page, "Staged data", 3)).toEqual(["2", "b"]);
  await expect((await openParsePanel(page)).getByText("Rows are read across the file's columns, each an object keyed by row (pandas' to_json()).")).toBeVisible();

  // A frame sorted by a column keeps its rows in the file's order (parsing puts whole-number keys ascending).
  await addFiles(page, [{ name: "sorted.json", content: '{"id":{"2":30,"0":10,"1":20}}', mimeType: "application/json" }]);
  await expect(stagingArea(page).getByRole("listitem").filter({ hasText: "sorted.json" })).toContainText("3 rows");
  await stagingArea(page).getByRole("button", { name: "sorted.json", exact: true }).click();
  await expect.poll(() => rowTexts(page, "Staged data", 2)).toEqual(["2", "30"]);
  await expect.poll(() => rowTexts(page, "Staged data", 3)).toEqual(["0", "10"]);
});

// json.dump(df.to_dict(orient="list")) writes an object of columns, each a list of values: it staged as one
// row of lists, as DuckDB's own reader reads it.
test("JSON written as lists of values, one per column, stages row by row", async ({ page }) => {
  await openApp(page);
  await addFiles(page, [{ name: "lists.json", content: '{"id": [1, 2, 3], "city": ["Oslo", "Rome", null]}', mimeType: "application/json" }]);
  await expect(stagingArea(page).getByRole("listitem").filter({ hasText: "lists.json" })).toContainText("3 rows");
  await expect(stagedGrid(page).getByRole("columnheader")).toHaveText(["id", "city"]);
  await expect.poll(() => rowTexts(page, "Staged data", 3)).toEqual(["2", "Rome"]);
  await expect((await openParsePanel(page)).getByText(/^Rows are read across the file's lists/)).toBeVisible();
});

// A Firebase export (or an API's map of ids) keys each record by its id: it staged as one row, a column per
// record and field (users.-NXa1.name, users.-NXa2.name…).
test("JSON records keyed by their ids stage as rows, each with its key", async ({ page }) => {
  await openApp(page);
  const users = { "-NXa1": { name: "Ada", age: 36 }, "-NXa2": { name: "Bo", age: 41 }, "-NXa3": { name: "Cy", age: null } };
  await addFiles(page, [{ name: "export.json", content: JSON.stringify({ users }), mimeType: "application/json" }]);
  await expect(stagingArea(page).getByRole("listitem").filter({ hasText: "export.json" })).toContainText("3 rows");
  await expect(stagedGrid(page).getByRole("columnheader")).toHaveText(["key", "name", "age"]);
  await expect.poll(() => rowTexts(page, "Staged data", 3)).toEqual(["-NXa2", "Bo", "41"]);
  await expect((await openParsePanel(page)).getByText("Rows are the objects under “users”, each under its key (in the column “key”).")).toBeVisible();
});
