import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test as base, type BrowserContext, type Page } from "@playwright/test";
import { loadKeptPage, tidyKeptPage } from "./kept-page";

/**
 * The end-to-end tests' `test`. Each Playwright worker keeps one browser profile on disk for all of its tests,
 * instead of a fresh in-memory context per test, so that the browser's HTTP cache keeps DuckDB's 27 MB wasm and
 * its code cache keeps the machine code V8 compiled for it. An in-memory context caches no entry that large, so
 * every test fetched, compiled and optimised DuckDB anew. Between tests every page is closed and every origin a
 * test opened has its storage cleared (IndexedDB, OPFS, local storage, caches, service workers, cookies), so each
 * test still starts with an empty staging area and no datasets. The profile has Playwright's default context
 * options (en-US, light, 1280×720); a test that asks for others (a service worker, say) fails at once, and should
 * use Playwright's own `test`, which gives it a fresh context.
 */
export const test = base.extend<object, { profile: Profile }>({
  profile: [
    async ({ playwright, browserName, launchOptions }, use, workerInfo) => {
      const dir = mkdtempSync(join(tmpdir(), "stages-e2e-"));
      const { baseURL, acceptDownloads, serviceWorkers } = workerInfo.project.use;
      // Playwright's defaults for a test's own context, which the tests were written against.
      const options = { locale: "en-US", colorScheme: "light" as const, viewport: { width: 1280, height: 720 }, serviceWorkers };
      const context = await playwright[browserName].launchPersistentContext(dir, { ...launchOptions, ...options, baseURL, acceptDownloads });
      const profile = new Profile(context, options);
      await use(profile);
      await context.close();
      rmSync(dir, { recursive: true, force: true });
    },
    { scope: "worker" },
  ],
  context: async ({ profile, locale, colorScheme, viewport, serviceWorkers, timezoneId, offline }, use) => {
    profile.check({ locale, colorScheme, viewport, serviceWorkers }, timezoneId, offline);
    // A page kept loaded for the tests of `appTest` is not this test's: closed, and what it stored cleared.
    if (profile.kept) await profile.reset();
    await use(profile.context);
    await profile.reset();
  },
});

/**
 * The `test` of specs whose tests only stage files and look at what the app shows (none promotes, reloads, opens
 * another page or saves a recipe): their worker keeps one app page loaded for all of them, and `openApp` finds it
 * ready instead of loading the app again (a load costs about 6 s of CPU: docs/SPEED.md). After each test the page is
 * put back as a fresh one shows itself, the way a user would: every staged file removed ("Clear staging"), every
 * message dismissed, the flow's step and the page's scroll back at the top. Anything else left behind (a dataset, a
 * saved recipe, a failed test, another page) and the page is closed and its storage cleared, as `test` does; and it
 * is loaded anew after a number of tests, so that DuckDB's memory does not grow with the suite.
 */
export const appTest = test.extend({
  context: async ({ profile, locale, colorScheme, viewport, serviceWorkers, timezoneId, offline }, use) => {
    profile.check({ locale, colorScheme, viewport, serviceWorkers }, timezoneId, offline);
    await use(profile.context);
  },
  // On the profile's context, whose options were checked: the kept page is one of its pages.
  page: async ({ profile, context }, use, testInfo) => {
    const page = await profile.appPage(context);
    await use(page);
    if (testInfo.status !== testInfo.expectedStatus || !(await tidyKeptPage(page))) await profile.reset();
  },
});

export { expect } from "@playwright/test";

/** How many tests a kept page serves before it is loaded anew. */
const KEPT_PAGE_TESTS = 30;

/** A worker's browser profile, and what its tests opened in it. */
class Profile {
  private readonly origins = new Set<string>();
  /** The app page kept loaded for `appTest`'s tests, and how many it has served. */
  kept: Page | null = null;
  private served = 0;

  constructor(
    readonly context: BrowserContext,
    readonly options: object,
  ) {
    const watch = (page: Page) => page.on("framenavigated", (frame) => this.seen(frame.url()));
    context.pages().forEach(watch);
    context.on("page", watch);
  }

  /** A test's context options, which must be the profile's. */
  check(asked: object, timezoneId: string | undefined, offline: boolean) {
    if (JSON.stringify(asked) !== JSON.stringify(this.options) || timezoneId !== undefined || offline)
      throw new Error(`The shared profile cannot take these options (${JSON.stringify({ ...asked, timezoneId, offline })}): use Playwright's own test`);
  }

  private seen(url: string) {
    const { origin, protocol } = new URL(url);
    if (protocol === "http:" || protocol === "https:") this.origins.add(origin);
  }

  /** The kept app page, with nothing staged; loaded first if there is none or it has served its share. */
  async appPage(context: BrowserContext): Promise<Page> {
    if (this.kept && (this.kept.isClosed() || this.served >= KEPT_PAGE_TESTS)) await this.reset();
    this.kept ??= await loadKeptPage(context);
    this.served++;
    return this.kept;
  }

  /** Close the test's pages (a blank one stays, so the browser does not quit) and clear what they stored. */
  async reset() {
    this.kept = null;
    this.served = 0;
    const blank = await this.context.newPage();
    await Promise.all(this.context.pages().filter((p) => p !== blank).map((p) => p.close()));
    await this.context.unrouteAll({ behavior: "ignoreErrors" });
    await this.context.setOffline(false);
    await this.context.clearCookies();
    await this.context.clearPermissions();
    const cdp = await this.context.newCDPSession(blank);
    for (const origin of this.origins) await cdp.send("Storage.clearDataForOrigin", { origin, storageTypes: "all" });
    await cdp.detach();
    this.origins.clear();
  }
}
