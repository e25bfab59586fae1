import { appTest as test, expect } from "../support/test";
import { addFiles, openApp, rowTexts, stagedGrid } from "../support/app";
import { parquet } from "../support/files";

// A Parquet UUID column staged as BLOB bytes (\x6B\xA7…): parquet-wasm gives 16 bytes with no mark,
// and the file's footer, which says UUID, was not read.
test("a Parquet UUID column stages as UUIDs, and other bytes as they are", async ({ page }) => {
  await openApp(page);
  const file = await parquet("SELECT uuid '6ba7b810-9dad-11d1-80b4-00c04fd430c8' AS id, 'abc'::BLOB AS raw, 'Ada' AS name");
  await addFiles(page, [{ name: "people.parquet", content: file, mimeType: "application/octet-stream" }]);
  await expect(stagedGrid(page).getByRole("columnheader")).toHaveText(["id", "raw", "name"]);
  await expect.poll(() => rowTexts(page, "Staged data", 2)).toEqual(["6ba7b810-9dad-11d1-80b4-00c04fd430c8", "abc", "Ada"]);
});
