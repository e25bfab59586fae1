import { appTest as test, expect } from "../support/test";
import { addFiles, openApp, openParsePanel, rowTexts, stagedGrid, stagingArea } from "../support/app";

// Python's json.dumps writes NaN and Infinity, which JSON.parse refuses: such a file did not stage at all,
// with "Unexpected token 'N'" and no place. A JSON file with another fault said neither what nor where.
test("JSON as Python writes it stages, NaN and Infinity empty, and says so; other faults name their line and column", async ({ page }) => {
  await openApp(page);
  await addFiles(page, [{ name: "from-python.json", content: '[\n  {"id": 1, "score": NaN},\n  {"id": 2, "score": Infinity},\n  {"id": 3, "score": 2.5},\n]\n', mimeType: "application/json" }]);
  await expect(stagingArea(page).getByRole("listitem").filter({ hasText: "from-python.json" })).toContainText("3 rows");
  await expect(stagedGrid(page).getByRole("columnheader").filter({ hasText: "score" })).toHaveAttribute("title", "score (DOUBLE)");
  await expect.poll(() => rowTexts(page, "Staged data", 2)).toEqual(["1", ""]);
  await expect.poll(() => rowTexts(page, "Staged data", 4)).toEqual(["3", "2.5"]);
  await expect((await openParsePanel(page)).getByText("Read leniently: 2 NaN or Infinity values (as Python writes them) read as empty; 1 comma before a closing bracket left out.")).toBeVisible();

  // A record with a fault among others is set aside with its line and the fault, and the others stage
  // (regression/json-faults.spec.ts); a fault that unbalances the brackets is named with its line and column.
  await addFiles(page, [{ name: "broken.json", content: '[\n  {"id": 1},\n  {"id": 2,\n  {"id": 3}\n]\n', mimeType: "application/json" }]);
  await expect(page.getByRole("alert").filter({ hasText: "broken.json" })).toContainText(/The file is not valid JSON: .* at line \d+, column \d+/);
});

// Objects written as an array's items without its brackets ({…},), and NDJSON files joined end to end each with its
// byte-order mark: every line but the last (or but the first) was set aside as not valid JSON.
test("NDJSON lines ending in a comma or starting with a byte-order mark stage as records, a comment line is left out, and they say so", async ({ page }) => {
  await openApp(page);
  const content = '// cities\n{"id": 1, "city": "Oslo"},\n{"id": 2, "city": "Rome"},\n\uFEFF{"id": 3, "city": "Lima"}\n';
  await addFiles(page, [{ name: "items.ndjson", content, mimeType: "application/x-ndjson" }]);
  await expect(stagingArea(page).getByRole("listitem").filter({ hasText: "items.ndjson" })).toContainText("3 rows");
  await expect.poll(() => rowTexts(page, "Staged data", 4)).toEqual(["3", "Lima"]);
  await expect(
    (await openParsePanel(page)).getByText(
      "Read leniently: 1 comment (// or /* */, which JSON does not allow) left out; 2 lines ending in a comma read without it (objects written as an array's items); 1 line starting with a byte-order mark read without it (files joined end to end).",
    ),
  ).toBeVisible();
});

// A JSON file with comments (JSONC, a hand-edited export) was taken for CSV: one column of its text, no rows.
test("a JSON file with comments stages, the comments left out and counted", async ({ page }) => {
  await openApp(page);
  const content = '// exported by hand\n[\n  {"id": 1, "site": "http://a.example/*x*/"}, /* checked */\n  {"id": 2, "site": null}\n]\n';
  await addFiles(page, [{ name: "notes.json", content, mimeType: "application/json" }]);
  await expect(stagingArea(page).getByRole("listitem").filter({ hasText: "notes.json" })).toContainText("2 rows");
  await expect.poll(() => rowTexts(page, "Staged data", 2)).toEqual(["1", "http://a.example/*x*/"]);
  await expect((await openParsePanel(page)).getByText("Read leniently: 2 comments (// or /* */, which JSON does not allow) left out.")).toBeVisible();
});

// JSON inside a line of JavaScript (a JSONP answer, a chart's `var data = […]`) was not JSON: a .json file of it
// failed at line 1, column 1, and a .js file staged as one column of CSV.
test("JSON inside a line of JavaScript stages, the JavaScript left out and said; a fault inside keeps its line and column", async ({ page }) => {
  await openApp(page);
  await addFiles(page, [{ name: "chart-data.js", content: 'var data = [\n  {"city": "Oslo", "n": 3},\n  {"city": "Lima", "n": 5}\n];\n', mimeType: "text/javascript" }]);
  await expect(stagingArea(page).getByRole("listitem").filter({ hasText: "chart-data.js" })).toContainText("2 rows");
  await expect.poll(() => rowTexts(page, "Staged data", 3)).toEqual(["Lima", "5"]);
  await expect((await openParsePanel(page)).getByText("Read leniently: the JavaScript around the JSON (an assignment to a variable) left out.")).toBeVisible();

  // A fault that leaves a bracket open cannot be set aside with its record (json-faults.ts): the file fails at its place.
  await addFiles(page, [{ name: "answer.json", content: 'cb({"items": [\n  {"id": 1},\n  {"id": 2 "x": [3}\n]});\n', mimeType: "application/json" }]);
  await expect(page.getByRole("alert").filter({ hasText: "answer.json" })).toContainText("a comma was expected at line 3, column 12");
});
