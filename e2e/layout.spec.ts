import { type Page } from "@playwright/test";
import { expect, test } from "./support/test";
import { destination, openApp, openStep, stagingArea } from "./support/app";
import { expectCounts } from "./support/recipe";

/** The side column is a drawer at 768 px and below: open it as a user would. */
async function openSideColumn(page: Page, width: number) {
  const toggle = page.getByRole("button", { name: "Files and datasets" });
  if (width > 768) return expect(toggle).toBeHidden();
  await expect(stagingArea(page)).toBeHidden();
  await toggle.click();
  await expect(toggle).toHaveAttribute("aria-expanded", "true");
}

/**
 * From 1280 px down to a 390 px phone: the page never scrolls sideways
 * (wide grids scroll inside themselves), every main control is on screen,
 * and the staged and final grids stack beside a step's tools, or sit side
 * by side in Review from 1280 px.
 */
for (const width of [1280, 1024, 768, 390]) {
  test(`at ${width} px wide nothing spills sideways and every main control is on screen`, async ({ page }) => {
    await page.setViewportSize({ width, height: 900 });
    await openApp(page);
    await page.getByRole("button", { name: "Try sample data" }).click();
    await expectCounts(page, "60 rows in");
    await openSideColumn(page, width);
    await expect(stagingArea(page).getByText("orders.csv")).toBeVisible();
    await page.getByRole("button", { name: "Promote", exact: true }).click();
    await expect(destination(page).getByRole("listitem").first()).toContainText("v1 · 55 rows");

    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow, "horizontal page overflow in px").toBeLessThanOrEqual(0);

    const controls = [
      page.getByText("Add files", { exact: true }),
      page.getByRole("grid", { name: "Staged data" }),
      page.getByRole("grid", { name: "Final data" }),
      page.getByRole("button", { name: "Promote", exact: true }),
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

    const boxes = async () => [
      (await page.getByRole("grid", { name: "Staged data" }).boundingBox())!,
      (await page.getByRole("grid", { name: "Final data" }).boundingBox())!,
    ];
    const [staged, final] = await boxes();
    expect(final!.y, "Validate: the final grid below the staged grid").toBeGreaterThanOrEqual(staged!.y + staged!.height);
    await openStep(page, "Review");
    const [reviewStaged, reviewFinal] = await boxes();
    if (width < 1280) expect(reviewFinal!.y, "Review: final below staged").toBeGreaterThanOrEqual(reviewStaged!.y + reviewStaged!.height);
    else expect(reviewFinal!.x, "Review: the final grid right of the staged grid").toBeGreaterThanOrEqual(reviewStaged!.x + reviewStaged!.width);
  });
}
