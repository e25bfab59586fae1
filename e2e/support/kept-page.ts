import { expect, type BrowserContext, type Page } from "@playwright/test";

/**
 * An app page kept loaded across tests (`appTest`, test.ts): loading the app costs about 6 s of CPU (DuckDB's
 * wasm compiled and optimised anew, docs/SPEED.md), more than most tests take once it is loaded.
 */

/** The pages kept loaded: `openApp` (app.ts) finds them ready. */
export const keptPages = new WeakSet<Page>();

/** The app, loaded in a new page of the context (its other pages closed) and ready. */
export async function loadKeptPage(context: BrowserContext): Promise<Page> {
  const page = await context.newPage();
  await Promise.all(context.pages().filter((p) => p !== page).map((p) => p.close()));
  await page.goto("/");
  await expect(page.getByText(/Engine ready/)).toBeVisible({ timeout: 30_000 });
  keptPages.add(page);
  return page;
}

/**
 * Put a kept page back as a fresh load shows it, the way a user would: every staged file removed ("Clear
 * staging"), every message dismissed, the flow's step, focus and scroll back at the start. False when something is
 * left that only clearing the site's storage takes away (a dataset, a saved recipe, another page), the page left the
 * app, or it did not answer.
 */
export async function tidyKeptPage(page: Page): Promise<boolean> {
  if (page.isClosed() || page.context().pages().some((p) => p !== page) || new URL(page.url()).pathname !== "/") return false;
  try {
    const clear = page.getByRole("button", { name: "Clear staging" });
    if (await clear.isVisible()) {
      await clear.click();
      await page.getByRole("button", { name: "Remove all", exact: true }).click();
    }
    await expect(page.getByRole("region", { name: "Staging area" }).getByRole("listitem")).toHaveCount(0, { timeout: 20_000 });
    await expect(page.getByRole("button", { name: /^Cancel adding / })).toHaveCount(0);
    const dismiss = page.getByRole("button", { name: "Dismiss message" });
    while ((await dismiss.count()) > 0) await dismiss.first().click();
    await page.evaluate(() => {
      if (location.hash) location.hash = "";
      history.replaceState(null, "", location.pathname);
      (document.activeElement as HTMLElement | null)?.blur();
      window.scrollTo(0, 0);
    });
    return (await storedRecords(page)) === 0 && (await page.getByText("No datasets promoted yet.").isVisible());
  } catch {
    return false;
  }
}

/** How many staged files, their bytes and saved recipes the staging area's IndexedDB holds. */
const storedRecords = (page: Page) =>
  page.evaluate(
    () =>
      new Promise<number>((resolve, reject) => {
        const open = indexedDB.open("stages");
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const stores = ["files", "blobs", "recipes"];
          const tx = open.result.transaction(stores);
          const counts = stores.map((name) => new Promise<number>((done, fail) => {
            const count = tx.objectStore(name).count();
            count.onsuccess = () => done(count.result);
            count.onerror = () => fail(count.error);
          }));
          Promise.all(counts).then((n) => resolve(n.reduce((a, b) => a + b, 0)), reject).finally(() => open.result.close());
        };
      }),
  );
