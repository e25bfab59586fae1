import { appTest as test, expect } from "../support/test";
import { addFiles, openApp, stagedGrid } from "../support/app";
import { expectCounts } from "../support/recipe";

// The final grid follows the staged one by setting its own scroll position, and its scroll event then reported
// that position back as where the user is. When the final grid began to follow (the run's final rows arriving, or
// "together" ticked) just as the user scrolled the staged grid, the echo came last and won: the grids were told
// to be at the old place, not where the user went (the million-row keyboard test failed on it in CI: after
// Ctrl+Home the first cell was not in the page).
test("a grid that follows the other does not report its follow back as the user's scroll", async ({ page }) => {
  await openApp(page);
  const rows = Array.from({ length: 5000 }, (_, i) => `${i},name ${i}`);
  await addFiles(page, [{ name: "echo.csv", content: `id,name\n${rows.join("\n")}\n` }]);
  await expectCounts(page, "5,000 rows in");
  const together = page.getByLabel("Scroll staged and final together");
  await together.uncheck();
  const staged = stagedGrid(page);
  await staged.evaluate((el) => (el.scrollTop = el.scrollHeight));
  await expect(staged.locator('[data-cell="4999:0"]')).toBeVisible();

  // The user scrolls back to the top in the same moment as the final grid starts to follow from the end.
  await staged.evaluate((el) => {
    el.scrollTop = 0;
    document.querySelector<HTMLInputElement>('input[type="checkbox"]:not(:checked)')!.click();
  });
  await expect(together).toBeChecked();
  const final = page.getByRole("grid", { name: "Final data" });
  await expect(staged.locator('[data-cell="0:0"]')).toBeVisible();
  await expect(final.locator('[data-cell="0:0"]')).toBeVisible();
  await expect.poll(() => final.evaluate((el) => el.scrollTop)).toBe(0);
});
