import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test as base, type BrowserContext, type Page } from "@playwright/test";

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
    const asked = { locale, colorScheme, viewport, serviceWorkers };
    if (JSON.stringify(asked) !== JSON.stringify(profile.options) || timezoneId !== undefined || offline)
      throw new Error(`The shared profile cannot take these options (${JSON.stringify({ ...asked, timezoneId, offline })}): use Playwright's own test`);
    await use(profile.context);
    await profile.reset();
  },
});

export { expect } from "@playwright/test";

/** A worker's browser profile, and what its tests opened in it. */
class Profile {
  private readonly origins = new Set<string>();

  constructor(
    readonly context: BrowserContext,
    readonly options: object,
  ) {
    const watch = (page: Page) => page.on("framenavigated", (frame) => this.seen(frame.url()));
    context.pages().forEach(watch);
    context.on("page", watch);
  }

  private seen(url: string) {
    const { origin, protocol } = new URL(url);
    if (protocol === "http:" || protocol === "https:") this.origins.add(origin);
  }

  /** Close the test's pages (a blank one stays, so the browser does not quit) and clear what they stored. */
  async reset() {
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
