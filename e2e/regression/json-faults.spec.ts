import { appTest as test, expect } from "../support/test";
import { addFiles, openApp, rowTexts, stagingArea } from "../support/app";

// One record with a fault (a comma missing between two fields, Python's None) kept a whole JSON array from
// staging: "The file is not valid JSON: a comma was expected at line 3, column 12", and no row of the others.
test("a JSON array stages around the records that do not read, each set aside with its line and fault", async ({ page }) => {
  await openApp(page);
  const content = '[\n  {"id": 1, "name": "a"},\n  {"id": 2 "name": "b"},\n  {"id": 3, "name": None},\n  {"id": 4, "name": "d"}\n]\n';
  await addFiles(page, [{ name: "people.json", content, mimeType: "application/json" }]);
  await expect(stagingArea(page).getByRole("listitem").filter({ hasText: "people.json" })).toContainText("2 rows");
  await expect(page.getByText("2 lines set aside, each with its reason in the download.")).toBeVisible();
  await expect.poll(() => rowTexts(page, "Staged data", 3)).toEqual(["4", "d"]);
});

// So did one in an API's response, whose records sit in a list under "data" beside other keys.
test("an object's list of records stages around the records that do not read, each set aside with its line", async ({ page }) => {
  await openApp(page);
  const content = '{\n  "meta": {"page": 1},\n  "data": [\n    {"id": 1, "name": "a"},\n    {"id": 2 "name": "b"},\n    {"id": 3, "name": "c"}\n  ]\n}\n';
  await addFiles(page, [{ name: "response.json", content, mimeType: "application/json" }]);
  await expect(stagingArea(page).getByRole("listitem").filter({ hasText: "response.json" })).toContainText("2 rows");
  await expect(page.getByText("1 line set aside, each with its reason in the download.")).toBeVisible();
  await expect.poll(() => rowTexts(page, "Staged data", 3)).toEqual(["3", "c"]);
});
