import { expect, test } from "../support/test";
import { addFiles, destination, openApp, stagingArea } from "../support/app";

/**
 * A CSV file with a header and no rows stages as 0 rows; promoting it failed
 * with parquet-wasm's "Dyn casting error": the schema was taken from DuckDB's
 * result stream before it had been read (undefined), so the Parquet writer got
 * a table of no columns and no batch. The schema now comes from the empty
 * batch DuckDB sends for an empty result.
 */
test("a header-only CSV file promotes to a version of 0 rows with its columns", async ({ page }) => {
  await openApp(page);
  await addFiles(page, [{ name: "header-only.csv", content: "id,name,amount\n" }]);
  await expect(stagingArea(page).getByRole("listitem").filter({ hasText: "header-only.csv" })).toContainText("0 rows");
  await page.getByRole("button", { name: "Promote" }).click();
  await expect(destination(page).getByRole("listitem").first()).toContainText("v1 · 0 rows");
  const manifest = await page.evaluate(async () => {
    const dir = await (await (await navigator.storage.getDirectory()).getDirectoryHandle("datasets")).getDirectoryHandle("header-only");
    return JSON.parse(await (await (await dir.getFileHandle("v1.manifest.json")).getFile()).text());
  });
  expect(manifest.schema.map((c: { name: string }) => c.name)).toEqual(["id", "name", "amount"]);
  expect(manifest.rows).toMatchObject({ in: 0, promoted: 0, rejected: 0 });
});
