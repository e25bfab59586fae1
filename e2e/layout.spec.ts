import { expect, test } from "@playwright/test";
import { destination, openApp, stagingArea } from "./support/app";
import { expectCounts } from "./support/recipe";

/**
 * From 1280 px down to a 768 px wide window: the page never scrolls
 * sideways (wide grids scroll inside themselves), every main control is
 * on screen, and below 1280 px the staged and final grids stack.
 */
for (const width of [1280, 1024, 768]) {
  test(`at ${width} px wide nothing spills sideways and every main control is on screen`, async ({ page }) => {
    await page.setViewportSize({ width, height: 900 });
    await openApp(page);
    await page.getByRole("button", { name: "Try sample data" }).click();
    await expect(stagingArea(page).getByText("orders.csv")).toBeVisible();
    await expectCounts(page, "60 rows in");
    await page.getByRole("button", { name: "Promote" }).click();
    await expect(destination(page).getByRole("listitem").first()).toContainText("v1 · 55 rows");

    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow, "horizontal page overflow in px").toBeLessThanOrEqual(0);

    const controls = [
      page.getByText("Add files", { exact: true }),
      page.getByRole("grid", { name: "Staged data" }),
      page.getByRole("grid", { name: "Final data" }),
      page.getByRole("button", { name: "Promote" }),
      page.getByRole("group", { name: "Add a rule" }),
      destination(page),
      destination(page).getByRole("button", { name: "Download orders v1 as CSV" }),
    ];
    for (const control of controls) {
      const box = (await control.boundingBox())!;
      expect(box, control.toString()).not.toBeNull();
      expect(box.x, `${control.toString()} starts on screen`).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width, `${control.toString()} ends on screen`).toBeLessThanOrEqual(width);
    }

    const staged = (await page.getByRole("grid", { name: "Staged data" }).boundingBox())!;
    const final = (await page.getByRole("grid", { name: "Final data" }).boundingBox())!;
    if (width < 1280) expect(final.y, "final grid below the staged grid").toBeGreaterThanOrEqual(staged.y + staged.height);
    else expect(Math.abs(final.y - staged.y), "grids side by side").toBeLessThan(40);
  });
}
