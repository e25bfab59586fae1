import { randomBytes } from "node:crypto";
import { type Page } from "@playwright/test";
import { expect, test } from "../support/test";
import { addFiles, destination, openApp, openStep, rowTexts, stagedGrid, stagingArea } from "../support/app";
import { addRule, expectCounts } from "../support/recipe";

/**
 * Faults: the storage quota running out while staging or promoting, a reload
 * in the middle of staging, validation or promotion, and the engine running
 * out of memory. After each, the
 * staging area and the destination are consistent and the step can be
 * retried. (A worker killed mid-promotion and two tabs at once are in
 * destination.spec.ts.)
 */
const results: string[] = [];

/** Incompressible text, so that neither gzip nor Parquet can make it small. */
const noise = (rows: number) => `id,blob\n${Array.from({ length: rows }, (_, i) => `${i},${randomBytes(48).toString("base64")}`).join("\n")}\n`;

/**
 * A small quota, through the engine's fault hook. (Chromium's DevTools quota
 * override makes IndexedDB refuse writes, but DuckDB-WASM stops answering when
 * its OPFS database cannot grow: the engine checks for room before it writes,
 * and the hook sets what that check sees.)
 */
async function limitQuota(page: Page, headroomBytes: number | null): Promise<void> {
  await page.evaluate(async (headroom) => {
    const { engine } = (window as unknown as { stages: { engine: { simulateQuota(bytes: number | null): Promise<void> } } }).stages;
    const usage = (await navigator.storage.estimate()).usage ?? 0;
    await engine.simulateQuota(headroom === null ? null : usage + headroom);
  }, headroomBytes);
}

const opfsDatasetFiles = (page: Page, name: string) =>
  page.evaluate(async (dataset) => {
    const root = await navigator.storage.getDirectory();
    try {
      const dir = await (await root.getDirectoryHandle("datasets")).getDirectoryHandle(dataset);
      const names: string[] = [];
      for await (const key of (dir as unknown as { keys(): AsyncIterable<string> }).keys()) names.push(key);
      return names.sort();
    } catch {
      return [];
    }
  }, name);

test("the quota running out while staging: a clear message, nothing kept, other files intact, and a retry works", async ({ page }) => {
  await openApp(page, { testHooks: true });
  await addFiles(page, [{ name: "small.csv", content: "id,v\n1,a\n2,b\n" }]);
  await expect(stagedGrid(page)).toHaveAttribute("aria-rowcount", "3");

  await limitQuota(page, 512 * 1024);
  const big = noise(60_000);
  await addFiles(page, [{ name: "big.csv", content: big }]);
  await expect(page.getByRole("alert").filter({ hasText: "big.csv" })).toContainText("not enough browser storage");
  await expect(stagingArea(page).getByText("big.csv")).toHaveCount(0);
  await stagingArea(page).getByRole("button", { name: "small.csv", exact: true }).click();
  await expect.poll(() => rowTexts(page, "Staged data", 3)).toEqual(["2", "b"]);

  await limitQuota(page, null);
  await addFiles(page, [{ name: "big.csv", content: big }]);
  await expect(stagedGrid(page)).toHaveAttribute("aria-rowcount", "60001");
  results.push("quota while staging");
});

test("the quota running out while promoting: a clear message, no version and no partial file, and a retry works", async ({ page }) => {
  await openApp(page, { testHooks: true });
  await addFiles(page, [{ name: "noise.csv", content: noise(60_000) }]);
  await expectCounts(page, "60,000 rows in");
  await page.getByLabel("Dataset name").fill("noise");

  await limitQuota(page, 256 * 1024);
  await page.getByRole("button", { name: "Promote" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Promotion to noise did not start" })).toContainText("not enough browser storage");
  await expect(destination(page).getByText("noise")).toHaveCount(0);
  expect(await opfsDatasetFiles(page, "noise")).toEqual([]);

  await limitQuota(page, null);
  await page.getByRole("button", { name: "Promote" }).click();
  await expect(destination(page).getByRole("listitem").first()).toContainText("v1 · 60,000 rows");
  expect(await opfsDatasetFiles(page, "noise")).toEqual(["v1.datapackage.json", "v1.manifest.json", "v1.parquet"]);
  results.push("quota while promoting");
});

const manyRows = (n: number) => `id,name,amount\n${Array.from({ length: n }, (_, i) => `${i},name ${i},${i % 1000}`).join("\n")}\n`;

test("a reload in the middle of staging leaves either nothing or the whole file, which then reads; staging again works", async ({ page }) => {
  await openApp(page);
  await addFiles(page, [{ name: "first.csv", content: "id\n1\n" }]);
  await expect(stagedGrid(page)).toHaveAttribute("aria-rowcount", "2");
  await addFiles(page, [{ name: "midway.csv", content: manyRows(1_500_000) }]);
  // Midway: the bar has a total (it shows from the start without one).
  await expect(page.locator("progress[max]").first()).toBeVisible();
  await page.reload();
  await expect(page.getByText(/Engine ready/)).toBeVisible({ timeout: 30_000 });

  await expect(stagingArea(page).getByText("first.csv")).toBeVisible();
  const item = stagingArea(page).getByRole("listitem").filter({ hasText: "midway.csv" });
  if (await item.count()) await expect(item).toContainText("1,500,000 rows", { timeout: 60_000 });
  await expect(stagingArea(page).getByText(/reading/i)).toHaveCount(0, { timeout: 60_000 });

  await addFiles(page, [{ name: "again.csv", content: manyRows(1_000) }]);
  await expect(stagingArea(page).getByRole("listitem").filter({ hasText: "again.csv" })).toContainText("1,000 rows");
  results.push("reload while staging");
});

test("a reload in the middle of validation and of promotion: everything consistent, and both steps run again", async ({ page }) => {
  test.setTimeout(120_000);
  await openApp(page);
  await addFiles(page, [{ name: "orders.csv", content: manyRows(800_000) }]);
  await expectCounts(page, "800,000 rows in");
  // A run says which step it is at. Watched as the page changes: on a fast machine the run can end between two of
  // Playwright's looks at the page (it once did, the status gone before it was seen).
  const stepShown = page.evaluate(
    () =>
      new Promise<string>((resolve) => {
        const look = () => {
          const shown = [...document.querySelectorAll('[role="status"]')].map((e) => e.textContent ?? "").find((t) => /Running the recipe.*\(step \d of \d\)/.test(t));
          if (shown) (observer.disconnect(), resolve(shown));
        };
        const observer = new MutationObserver(look);
        observer.observe(document.body, { subtree: true, childList: true, characterData: true });
      }),
  );
  await addRule(page, "Required (not empty)", { Column: "name" });
  const noStep = new Promise<string>((resolve) => setTimeout(() => resolve("no step shown in 20 s"), 20_000));
  expect(await Promise.race([stepShown, noStep])).toMatch(/^Running the recipe on the full data: .*\(step \d of \d\)/);
  await expectCounts(page, "800,000 rows in = 800,000 valid after steps + 0 rejected");
  // Every name differs: its profile lists no common values (that would group 800,000 rows for nothing), and never more distinct values than rows.
  const name = page.getByRole("listitem", { name: "Profile of name" });
  await expect(name).toContainText("Nearly every value differs");
  const distinct = Number((await name.getByRole("definition").nth(1).innerText()).replace(/[^\d]/g, ""));
  expect(distinct).toBeGreaterThan(680_000);
  expect(distinct).toBeLessThanOrEqual(800_000);
  await page.getByLabel("Dataset name").fill("orders");

  await page.getByRole("button", { name: "Promote" }).click();
  await expect(page.getByRole("button", { name: "Cancel promotion" })).toBeVisible();
  await page.reload();
  await expect(page.getByText(/Engine ready/)).toBeVisible({ timeout: 30_000 });
  await expect(destination(page).getByText("orders")).toHaveCount(0);
  await expect.poll(() => opfsDatasetFiles(page, "orders")).toEqual([]);

  // Validation restarts by itself after the reload; reload again while it runs.
  await stagingArea(page).getByRole("button", { name: "orders.csv", exact: true }).click();
  await page.reload();
  await expect(page.getByText(/Engine ready/)).toBeVisible({ timeout: 30_000 });
  await stagingArea(page).getByRole("button", { name: "orders.csv", exact: true }).click();
  await expectCounts(page, "800,000 rows in");

  await page.getByLabel("Dataset name").fill("orders");
  await page.getByRole("button", { name: "Promote" }).click();
  await expect(destination(page).getByRole("listitem").first()).toContainText("v1 · 800,000 rows", { timeout: 60_000 });
  expect(await opfsDatasetFiles(page, "orders")).toEqual(["v1.datapackage.json", "v1.manifest.json", "v1.parquet"]);
  results.push("reload while validating and promoting");
});

test("running out of memory restarts the engine, says so, and the same work is not run again by itself", async ({ page }) => {
  test.setTimeout(120_000);
  await openApp(page);
  await addFiles(page, [{ name: "small.csv", content: "id,v\n1,a\n2,b\n" }]);
  await expectCounts(page, "2 rows in");
  // About 5 GB of text: more than DuckDB-WASM's memory can ever hold.
  await openStep(page, "Transform");
  await page.getByRole("textbox", { name: "SQL query" }).fill("SELECT list(repeat('x', 1000000)) AS big FROM range(5000)");
  await page.getByRole("button", { name: "Run SQL" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "The engine stopped (it ran out of memory)" })).toBeVisible({ timeout: 60_000 });
  await expect(page.getByRole("status").filter({ hasText: "the recipe was not run again by itself" })).toBeVisible();

  await page.getByRole("textbox", { name: "SQL query" }).fill("SELECT count(*) AS n FROM transformed");
  await page.getByRole("button", { name: "Run SQL" }).click();
  await expectCounts(page, "1 final row");
  await expect(stagingArea(page).getByText("small.csv")).toBeVisible();
  results.push("out of memory");
});

test.afterAll(() => {
  console.log(`reliability/faults: ${results.length} of 5 faults tried, ${results.length} recovered with nothing lost or half-written`);
});
