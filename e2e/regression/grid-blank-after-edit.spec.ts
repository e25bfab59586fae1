import { appTest as test, expect } from "../support/test";
import { addFiles, openApp, stagedGrid } from "../support/app";
import { addRule, expectCounts } from "../support/recipe";

// Each cell edit makes a new run, and the staged grid asks for its rows again with the new run's marks.
// It used to drop the rows it showed meanwhile: the whole grid went blank after every edit, and a double
// click that fell in that moment opened no editor (the likely cause of a failure of fix-in-place.spec.ts
// seen only under load).
test("the staged grid keeps its rows in view while an edit's run reads them again", async ({ page }) => {
  await openApp(page);
  await addFiles(page, [{ name: "orders.csv", content: "id,email\n1,a@x.org\n2,\n3,c@x.org\n" }]);
  await addRule(page, "Required (not empty)", { Column: "email" });
  await expectCounts(page, "3 rows in = 2 valid after steps + 1 rejected");
  const firstId = stagedGrid(page).locator('[role="row"][aria-rowindex="2"]').getByRole("gridcell").first();
  await expect(firstId).toHaveText("1");

  // Every text row 1's id cell shows from here on, as it changes.
  await firstId.evaluate((cell) => {
    const seen: string[] = [];
    (window as unknown as { idCellTexts: string[] }).idCellTexts = seen;
    const grid = cell.closest('[role="grid"]')!;
    const idCell = () => grid.querySelector('[role="row"][aria-rowindex="2"] [role="gridcell"]');
    new MutationObserver(() => seen.push(idCell()?.textContent ?? "(no cell)")).observe(grid, { subtree: true, childList: true, characterData: true });
  });

  const email = stagedGrid(page).locator('[role="row"][aria-rowindex="3"]').getByRole("gridcell").nth(1);
  await email.dblclick();
  const box = page.getByRole("textbox", { name: "Edit email, row 2" });
  await box.fill("b@x.org");
  await box.press("Enter");
  await expectCounts(page, "3 rows in = 3 valid after steps + 0 rejected");
  await expect(email).not.toHaveAttribute("aria-invalid", "true");

  const texts = await page.evaluate(() => (window as unknown as { idCellTexts: string[] }).idCellTexts);
  // The run did change the grid (its marks came back), and row 1's id never left it.
  expect(texts.length).toBeGreaterThan(0);
  expect(texts.filter((t) => t !== "1")).toEqual([]);
});
