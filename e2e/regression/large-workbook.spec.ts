import { appTest as test, expect } from "../support/test";
import { addFiles, openApp, rowTexts, stagedGrid, stagingArea } from "../support/app";
import { xlsx } from "../support/files";

// A workbook of 200,000 rows could not be read: the workbook reader overflowed the stack after 45 s
// (test/regression/read-excel-file-large-sheet.test.ts), and then so did the engine, asking for the widest row
// with all 200,000 rows as arguments of one call.
test("a workbook of 200,000 rows stages whole", async ({ page }) => {
  test.slow();
  await openApp(page);
  const rows: unknown[][] = [["id", "name"]];
  for (let i = 1; i <= 200_000; i++) rows.push([i, `n${i % 100}`]);
  await addFiles(page, [{ name: "big.xlsx", content: await xlsx([{ sheet: "Rows", rows }]) }]);
  await expect(stagingArea(page).getByRole("listitem").filter({ hasText: "big.xlsx" })).toContainText("200,000 rows", { timeout: 60_000 });
  await expect(stagedGrid(page)).toHaveAttribute("aria-rowcount", "200001");
  await expect.poll(() => rowTexts(page, "Staged data", 2)).toEqual(["1", "n1"]);
});
