import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { expect, test } from "@playwright/test";
import { addFiles, destination, openApp, stagingArea } from "./support/app";
import { addRule, expectCounts } from "./support/recipe";

// Other tests block service workers (playwright.config.ts) so that each does not precache the build; these need it.
test.use({ serviceWorkers: "allow" });

const ORDERS = ["id,email,amount", "1,a@x.org,10", "2,,5", "3,c@x.org,7", ""].join("\n");

/** Wait until the service worker has cached the build and controls the page. */
async function waitForOfflineCopy(page: import("@playwright/test").Page) {
  await page.evaluate(() => navigator.serviceWorker.ready);
  await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null), { timeout: 30_000 }).toBe(true);
}

test("after the first visit the app opens with no network, and stages, validates and promotes", async ({ page, context }) => {
  await openApp(page);
  await waitForOfflineCopy(page);
  await context.setOffline(true);
  await page.reload();
  await expect(page.getByText(/Engine ready/)).toBeVisible({ timeout: 30_000 });

  await addFiles(page, [{ name: "orders.csv", content: ORDERS }]);
  await expect(stagingArea(page).getByText("orders.csv")).toBeVisible();
  await addRule(page, "Required (not empty)", { Column: "email" });
  await expectCounts(page, "3 rows in = 2 valid after steps + 1 rejected");
  await page.getByRole("button", { name: "Promote" }).click();
  await expect(destination(page).getByRole("listitem").filter({ hasText: "orders" })).toContainText("2 rows");

  // Still offline: a reload keeps the staged file and the dataset.
  await page.reload();
  await expect(page.getByText(/Engine ready/)).toBeVisible({ timeout: 30_000 });
  await expect(destination(page).getByRole("listitem").filter({ hasText: "orders" })).toContainText("2 rows");
});

test("the installed app's manifest and service worker pass Chromium's installability checks", async ({ playwright, launchOptions, baseURL }) => {
  // A profile on disk: Chromium does not install apps from an off-the-record context (Playwright's default).
  const context = await playwright.chromium.launchPersistentContext(test.info().outputPath("profile"), { ...launchOptions, baseURL });
  const page = context.pages()[0] ?? (await context.newPage());
  await openApp(page);
  await waitForOfflineCopy(page);
  const cdp = await context.newCDPSession(page);
  const { installabilityErrors } = (await cdp.send("Page.getInstallabilityErrors")) as { installabilityErrors: { errorId: string }[] };
  expect(installabilityErrors.map((e) => e.errorId)).toEqual([]);
  const manifest = await page.evaluate(async () => {
    const href = document.querySelector<HTMLLinkElement>('link[rel="manifest"]')?.href;
    return href ? ((await (await fetch(href)).json()) as { file_handlers: { accept: Record<string, string[]> }[] }) : null;
  });
  expect(Object.values(manifest?.file_handlers[0]?.accept ?? {}).flat().sort()).toEqual([".arrow", ".arrows", ".csv", ".db", ".dbf", ".dta", ".feather", ".geojson", ".gpkg", ".json", ".ndjson", ".ods", ".parquet", ".por", ".sas7bdat", ".sav", ".sqlite", ".sqlite3", ".tsv", ".xls", ".xlsx", ".xml", ".xpt", ".zip", ".zsav"]);
  await context.close();
});

test("a new build takes over and the page says so", async ({ page }) => {
  await openApp(page);
  await waitForOfflineCopy(page);
  // Deploy a new build: the served sw.js changes (Playwright's routing does not see the browser's own update check).
  const sw = join("out", "sw.js");
  const deployed = await readFile(sw, "utf8");
  try {
    await writeFile(sw, `${deployed}\n// a new build\n`);
    await page.evaluate(async () => (await navigator.serviceWorker.ready).update());
    await expect(page.getByRole("status").filter({ hasText: "A new version of Stages has been installed" })).toBeVisible();
  } finally {
    await writeFile(sw, deployed);
  }
});

test("a file the operating system opens with the installed app is staged (File Handling API's launch queue)", async ({ page }) => {
  // Chromium hands such files to the page's launch queue; headless, nothing opens them, so the test stands in for it.
  await page.addInitScript(() => {
    Object.defineProperty(window, "launchQueue", {
      value: { setConsumer: (consumer: unknown) => void ((window as unknown as { launched: unknown }).launched = consumer) },
      configurable: true,
    });
  });
  await openApp(page);
  await page.evaluate(async () => {
    const launched = (window as unknown as { launched: (params: { files: { getFile(): Promise<File> }[] }) => void }).launched;
    launched({ files: [{ getFile: async () => new File(["id,name\n1,Ada\n2,Bo\n"], "opened.csv", { type: "text/csv" }) }] });
  });
  await expect(stagingArea(page).getByText("opened.csv")).toBeVisible();
  await expect(page.getByRole("region", { name: "opened.csv", exact: true })).toContainText("2 rows · 2 columns");
});
