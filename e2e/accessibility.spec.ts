import AxeBuilder from "@axe-core/playwright";
import { type Page } from "@playwright/test";
import { expect, test } from "./support/test";
import { destination, openApp, openStep, stagingArea } from "./support/app";
import { expectCounts } from "./support/recipe";

// Legacy mode runs axe.run in the page itself (the app has no frames of another origin); the default runs each
// frame's part, then opens a blank page to merge them, which took 3-4 s of each analysis here.
async function seriousViolations(page: Page) {
  const { violations } = await new AxeBuilder({ page }).setLegacyMode().analyze();
  return violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).slice(0, 3).join(", ")})`);
}

async function sampleFlow(page: Page) {
  await openApp(page);
  expect(await seriousViolations(page), "first visit").toEqual([]);

  await page.getByRole("button", { name: "Try sample data" }).click();
  await expect(stagingArea(page).getByText("orders.csv")).toBeVisible();
  await expectCounts(page, "60 rows in = 55 valid after steps + 5 rejected");
  for (const step of ["Stage", "Validate", "Transform", "Review", "Promote"] as const) {
    await openStep(page, step);
    if (step === "Review") await expect(page.getByRole("grid", { name: "Rejected rows" })).toBeVisible();
    expect(await seriousViolations(page), `sample staged, step ${step}`).toEqual([]);
  }

  await page.getByRole("button", { name: "Promote" }).click();
  await expect(destination(page).getByRole("listitem").first()).toContainText("v1 · 55 rows");
  await destination(page).getByText("Versions of orders").click();
  await destination(page).getByRole("button", { name: "Open orders v1" }).click();
  await expect(page.getByRole("grid", { name: "Dataset orders v1" })).toBeVisible();
  expect(await seriousViolations(page), "promoted, versions open").toEqual([]);
}

// Seven whole-page axe analyses and a promotion: near the default 90 s on this 2-core machine under a full run.
test("no serious or critical accessibility violations on any main view (light)", async ({ page }) => {
  test.slow();
  await sampleFlow(page);
});

test("no serious or critical accessibility violations on any main view (dark)", async ({ page }) => {
  test.slow();
  await page.emulateMedia({ colorScheme: "dark" });
  await sampleFlow(page);
  // The dark colours were the ones analysed: the page's background is dark (drawn on a canvas to read it as RGB).
  const [r, g, b] = await page.evaluate(() => {
    const context = document.createElement("canvas").getContext("2d")!;
    context.fillStyle = getComputedStyle(document.body).backgroundColor;
    context.fillRect(0, 0, 1, 1);
    return [...context.getImageData(0, 0, 1, 1).data];
  });
  expect(0.2126 * r! + 0.7152 * g! + 0.0722 * b!).toBeLessThan(64);
});
