import { appTest as test, expect } from "../support/test";
import { addFiles, openApp } from "../support/app";
import { parquet } from "../support/files";

// A Parquet INTERVAL of 3 days staged as 3 milliseconds: parquet-wasm drops an interval's months, and
// DuckDB-WASM took the days and milliseconds it is given for one count of milliseconds.
test("a Parquet file with INTERVAL values is refused with the column and the reason, not staged with wrong values", async ({ page }) => {
  await openApp(page);
  const file = await parquet("SELECT 1 AS id, INTERVAL '3 days' AS waited, INTERVAL '2 months' AS billed");
  await addFiles(page, [{ name: "waits.parquet", content: file, mimeType: "application/octet-stream" }]);
  await expect(page.getByRole("alert").filter({ hasText: "waits.parquet" })).toContainText(
    "“waited”, “billed” hold Parquet INTERVAL values, which the browser's Parquet reader cannot read exactly",
  );
});
