import { type Page } from "@playwright/test";
import { expect, test } from "./support/test";
import { destination, openApp, openStep, stagingArea, stepLink, type StepName } from "./support/app";
import { expectCounts } from "./support/recipe";

async function trySample(page: Page) {
  await page.getByRole("button", { name: "Try sample data" }).click();
  await expect(stagingArea(page).getByText("orders.csv")).toBeVisible();
  await expectCounts(page, "60 rows in = 55 valid after steps + 5 rejected");
}

/** What each step shows that no other step does. */
const ESSENTIALS: Record<StepName, (page: Page) => ReturnType<Page["getByRole"]>> = {
  Stage: (page) => page.getByRole("button", { name: "Read again with these options" }),
  Validate: (page) => page.getByRole("group", { name: "Add a rule" }),
  Transform: (page) => page.getByRole("group", { name: "Add a step" }),
  Review: (page) => page.getByRole("grid", { name: "Rejected rows" }),
  Promote: (page) => page.getByRole("button", { name: "Share", exact: true }),
};

test("the first screen says what Stages does and offers the drop area, the sample and the formats", async ({ page }) => {
  await openApp(page);
  await expect(page.getByRole("heading", { name: "Check data files before they land anywhere" })).toBeVisible();
  await expect(page.getByText(/nothing leaves this browser/i)).toBeVisible();
  await expect(page.getByText(/CSV, TSV, JSON, NDJSON, Parquet, Arrow, Excel/)).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Flow" })).toHaveCount(0);
  await trySample(page);
  await expect(page.getByRole("heading", { name: "Check data files before they land anywhere" })).toHaveCount(0);
});

test("the flow is the navigation: each step shows its own panel, the address keeps it, Back returns", async ({ page }) => {
  await openApp(page);
  await trySample(page);
  // A cleanly read file opens on its rules.
  await expect(stepLink(page, "Validate")).toHaveAttribute("aria-current", "step");
  await expect(stepLink(page, "Validate")).toContainText("5 rules: 5 rejected");

  for (const step of ["Stage", "Transform", "Review", "Promote", "Validate"] as const) {
    await openStep(page, step);
    await expect(ESSENTIALS[step](page)).toBeVisible();
    for (const other of Object.keys(ESSENTIALS) as StepName[]) if (other !== step) await expect(ESSENTIALS[other](page)).toHaveCount(0);
    expect(new URL(page.url()).hash).toBe(`#${step.toLowerCase()}`);
    // The counts and the promotion stay in view on every step.
    await expect(page.getByTestId("run-counts")).toBeVisible();
    await expect(page.getByRole("button", { name: "Promote", exact: true })).toBeEnabled();
  }

  await page.goBack();
  await expect(stepLink(page, "Promote")).toHaveAttribute("aria-current", "step");
  await page.goBack();
  await expect(stepLink(page, "Review")).toHaveAttribute("aria-current", "step");
  await expect(ESSENTIALS.Review(page)).toBeVisible();
  await page.goForward();
  await expect(stepLink(page, "Promote")).toHaveAttribute("aria-current", "step");

  await page.reload();
  await expect(stepLink(page, "Promote")).toHaveAttribute("aria-current", "step");
  await expect(ESSENTIALS.Promote(page)).toBeVisible();
});

test("the keyboard walks the steps: Tab reaches each, Enter opens it", async ({ page }) => {
  await openApp(page);
  await trySample(page);
  await stepLink(page, "Stage").focus();
  for (const step of ["Validate", "Transform", "Review", "Promote"] as const) {
    await page.keyboard.press("Tab");
    await expect(stepLink(page, step)).toBeFocused();
    await page.keyboard.press("Enter");
    await expect(stepLink(page, step)).toHaveAttribute("aria-current", "step");
    await expect(ESSENTIALS[step](page)).toBeVisible();
  }
});

test("at 1440 × 900 every step fits on one screen without the page scrolling; grids scroll inside", async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await openApp(page);
  await trySample(page);
  for (const button of await page.getByRole("button", { name: "Dismiss message" }).all()) await button.click();
  for (const step of ["Stage", "Validate", "Transform", "Review", "Promote"] as const) {
    await openStep(page, step);
    await expect(ESSENTIALS[step](page)).toBeVisible();
    const overflow = await page.evaluate(() => document.documentElement.scrollHeight - document.documentElement.clientHeight);
    expect(overflow, `${step}: the page scrolls by`).toBeLessThanOrEqual(0);
  }
  await expect(destination(page)).toBeVisible();
});

test("the staged grid's column headers draw each column's shape: a histogram for numbers, the common values for the rest", async ({ page }) => {
  await openApp(page);
  await trySample(page);
  const headers = page.getByRole("grid", { name: "Staged data" }).getByRole("columnheader");
  const amount = headers.filter({ hasText: /^amount/ });
  await expect(amount.locator('[title^="amount: "]')).toHaveAttribute("title", /^amount: \d+ bins from -?[\d.]+ to -?[\d.]+$/);
  expect(await amount.locator("svg rect").count()).toBeGreaterThan(1);
  await expect(headers.filter({ hasText: /^status/ }).locator("[title]").last()).toHaveAttribute("title", /^status, most common: paid \(\d+\)/);
  // Drawn for the eye only: a header still reads as its column's name.
  await expect(headers.first()).toHaveText("order_id");
});
