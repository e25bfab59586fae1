import { appTest as test, expect } from "../support/test";
import { addFiles, openApp, rowTexts, stagedGrid } from "../support/app";
import { parquet } from "../support/files";

// A Parquet column of a list of structs (line items, as Spark and BigQuery write them) was taken for a struct, by its
// type's name (STRUCT(sku VARCHAR, qty BIGINT)[]), and spreading it failed the whole file: "No function matches
// 'struct_extract(STRUCT(…)[], STRING_LITERAL)'". It is a list: it stays one column, beside a struct that is spread.
test("a Parquet file with a list of structs stages, the list as one column", async ({ page }) => {
  await openApp(page);
  const file = await parquet(`SELECT * FROM (VALUES (1, [{'sku': 'A1', 'qty': 2}], {'city': 'Paris'}), (2, [], {'city': 'Lyon'})) t(id, items, address)`);
  await addFiles(page, [{ name: "orders.parquet", content: file, mimeType: "application/octet-stream" }]);
  await expect(stagedGrid(page).getByRole("columnheader")).toHaveText(["id", "items", "address.city"]);
  await expect.poll(() => rowTexts(page, "Staged data", 2)).toEqual(["1", "[{'sku': A1, 'qty': 2}]", "Paris"]);
  await expect.poll(() => rowTexts(page, "Staged data", 3)).toEqual(["2", "[]", "Lyon"]);
});
