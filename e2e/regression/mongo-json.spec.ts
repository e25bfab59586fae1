import { appTest as test, expect } from "../support/test";
import { addFiles, openApp, openParsePanel, rowTexts, stagedGrid, stagingArea } from "../support/app";

// mongoexport writes MongoDB's extended JSON: ids, dates and numbers wrapped in one-key objects. Each staged
// as a struct column ({'$oid': 65a1…}), out of reach of a date rule, a sum or a join on the id.
test("MongoDB's extended JSON stages as plain ids, timestamps and numbers, and says so", async ({ page }) => {
  await openApp(page);
  const lines = [
    '{"_id":{"$oid":"65a1b2c3d4e5f60718293a4b"},"name":"Ann","created":{"$date":"2024-01-15T10:00:00.000Z"},"total":{"$numberDecimal":"12.50"}}',
    '{"_id":{"$oid":"65a1b2c3d4e5f60718293a4c"},"name":"Bo","created":{"$date":{"$numberLong":"1706779800000"}},"total":{"$numberDecimal":"7.25"}}',
  ];
  await addFiles(page, [{ name: "customers.json", content: `${lines.join("\n")}\n`, mimeType: "application/json" }]);
  await expect(stagingArea(page).getByRole("listitem").filter({ hasText: "customers.json" })).toContainText("2 rows");
  await expect(stagedGrid(page).getByRole("columnheader").filter({ hasText: "created" })).toHaveAttribute("title", "created (TIMESTAMP)");
  await expect.poll(() => rowTexts(page, "Staged data", 3)).toEqual(["65a1b2c3d4e5f60718293a4c", "Bo", "2024-02-01 09:30:00", "7.25"]);
  await expect((await openParsePanel(page)).getByText(/6 values of MongoDB's extended JSON/)).toBeVisible();
});
