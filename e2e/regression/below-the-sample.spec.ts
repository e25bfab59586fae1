import { appTest as test, expect } from "../support/test";
import { addFiles, openApp, rowTexts, stagedGrid, stagingArea } from "../support/app";

// duckdb/duckdb issue 25824: DuckDB's sniffer types a column from the first 20,480 rows, and its reader casts the
// values below them without its sniffer's strictness: a price of 12.5 staged as 13, and a time after a date was
// dropped (2025-02-18 01:01:00 staged as 2025-02-18), without a word.
test("values far below DuckDB's sample keep their fractions and times", async ({ page }) => {
  await openApp(page);
  const rows = Array.from({ length: 25_000 }, (_, i) => `${i + 1},12,2025-01-17`);
  await addFiles(page, [{ name: "orders.csv", content: `id,price,ordered\n${rows.join("\n")}\n25001,12.5,2025-02-18 01:01:00\n` }]);
  await expect(stagingArea(page).getByRole("listitem").filter({ hasText: "orders.csv" })).toContainText("25,001 rows");
  await expect.poll(() => rowTexts(page, "Staged data", 2)).toEqual(["1", "12.0", "2025-01-17 00:00:00"]);
  await stagedGrid(page).evaluate((el) => (el.scrollTop = el.scrollHeight));
  await expect.poll(() => rowTexts(page, "Staged data", 25_002)).toEqual(["25001", "12.5", "2025-02-18 01:01:00"]);
});
