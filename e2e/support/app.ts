import { readFile } from "node:fs/promises";
import { expect, type Page } from "@playwright/test";
import { keptPages } from "./kept-page";

/** Shared steps for driving the app the way a user does: by role and name. */
/**
 * Open the production build; `testHooks` opens the build made for tests
 * instead (STAGES_TEST_HOOKS=1, served under /stages/ on the next port by
 * playwright.config.ts), whose window.stages drives the engine directly.
 */
export async function openApp(page: Page, { testHooks = false } = {}): Promise<void> {
  // A page `appTest` keeps loaded (test.ts) is the app, ready, with nothing staged.
  if (!keptPages.has(page) || testHooks) await page.goto(testHooks ? testBuildUrl() : "/");
  await expect(page.getByText(/Engine ready/)).toBeVisible({ timeout: 30_000 });
}

export async function addFiles(page: Page, files: { name: string; content: string | Buffer; mimeType?: string }[]) {
  await page.locator('input[type="file"]').setInputFiles(
    files.map((f) => ({
      name: f.name,
      mimeType: f.mimeType ?? "text/csv",
      buffer: typeof f.content === "string" ? Buffer.from(f.content, "utf8") : f.content,
    })),
  );
}

/**
 * Staging has ended: the first rows shown while a file stages (above its workspace) are gone, so nothing there moves
 * under a click any more.
 */
export async function stagingDone(page: Page) {
  await expect(page.getByRole("button", { name: /^Cancel adding / })).toHaveCount(0);
}

/**
 * The file a click downloads. If the app shows an error instead, this fails at once with the error's text,
 * rather than when the test times out.
 */
export async function downloadBy(page: Page, click: () => Promise<void>): Promise<Buffer> {
  const errors = page.getByRole("alert").locator("p");
  const before = await errors.count();
  const download = page.waitForEvent("download");
  await click();
  const shown = errors.nth(before);
  const refused = shown.waitFor({ timeout: 0 }).then(
    async () => Promise.reject(new Error(`No download; the app said: ${await shown.innerText()}`)),
    () => new Promise<never>(() => undefined),
  );
  const file = await Promise.race([download, refused]);
  return readFile((await file.path())!);
}

export type StepName = "Stage" | "Validate" | "Transform" | "Review" | "Promote";

/** A step's link in the flow's navigation. */
export const stepLink = (page: Page, name: StepName) => page.getByRole("navigation", { name: "Flow" }).getByRole("link", { name: new RegExp(`^\\d\\. ${name}`) });

/**
 * Open a step of the flow, as a user clicks it in the flow's navigation; clicked again, as a user would, if the step
 * did not open. Once, with the machine loaded three times over, a click on a step's link left the step unchanged
 * (the link in place and not current for 20 s): the workspace's bar above the navigation changes height as a run
 * starts and ends, and may move the link between Playwright's check of where it is and its click.
 */
export async function openStep(page: Page, name: StepName) {
  const link = stepLink(page, name);
  await expect(async () => {
    await link.click();
    await expect(link).toHaveAttribute("aria-current", "step", { timeout: 3_000 });
  }).toPass({ timeout: 20_000 });
}

export const stagingArea = (page: Page) => page.getByRole("region", { name: "Staging area" });

/** The staging area's item for the file of this name (its button named exactly so). */
export const stagedItem = (page: Page, name: string) => stagingArea(page).getByRole("listitem").filter({ has: page.getByRole("button", { name, exact: true }) });
export const destination = (page: Page) => page.getByRole("region", { name: "Destination" });
export const stagedGrid = (page: Page) => page.getByRole("grid", { name: "Staged data" });

export const parsePanel = (page: Page) => page.locator("details").filter({ has: page.getByText(/^How .* is read/) });

/** The Stage step's read panel, opened if it is closed. */
export async function openParsePanel(page: Page) {
  await openStep(page, "Stage");
  const panel = parsePanel(page);
  if (!(await panel.evaluate((el) => (el as HTMLDetailsElement).open))) await panel.getByText(/^How .* is read/).click();
  return panel;
}

/** Set read options in the Stage step's panel (by label: a select or a text box) and read the file again with them. */
export async function reread(page: Page, options: Record<string, string>) {
  const panel = await openParsePanel(page);
  for (const [label, value] of Object.entries(options)) {
    const field = panel.getByLabel(label, { exact: true });
    if ((await field.evaluate((el) => el.tagName)) === "SELECT") await field.selectOption(value);
    else await field.fill(value);
  }
  const count = Number(await panel.getAttribute("data-read-count"));
  await panel.getByRole("button", { name: "Read again with these options" }).click();
  // The panel is keyed on the file's reads and hidden while one runs: the next read's panel is shown once it
  // has ended. Without this wait a test could act on the old panel and grid while the file was read again.
  await expect(parsePanel(page).and(page.locator(`[data-read-count="${count + 1}"]`))).toBeVisible({ timeout: 30_000 });
}

/** The text of every cell of one grid row, by its aria-rowindex (1 is the header). */
export async function rowTexts(page: Page, gridName: string, rowIndex: number): Promise<string[]> {
  const row = page.getByRole("grid", { name: gridName }).locator(`[role="row"][aria-rowindex="${rowIndex}"]`);
  await expect(row).toBeVisible();
  await expect(row.getByRole("gridcell").first()).not.toHaveText("", { timeout: 10_000 }).catch(() => undefined);
  return row.getByRole("gridcell").allTextContents();
}

/** Records every text the page's status regions show from now on, as it changes (each may last a fraction of a second). */
export async function recordStatusTexts(page: Page): Promise<void> {
  await page.evaluate(() => {
    const said: string[] = ((window as { stagesStatus?: string[] }).stagesStatus = []);
    new MutationObserver(() => document.querySelectorAll('[role="status"]').forEach((s) => said.push(s.textContent ?? ""))).observe(document.body, { subtree: true, childList: true, characterData: true });
  });
}

/** The status texts recorded since `recordStatusTexts`, in order. */
export const statusTexts = (page: Page): Promise<string[]> => page.evaluate(() => (window as { stagesStatus?: string[] }).stagesStatus ?? []);

/** Where the build made for tests (and for the sub-path) is served. */
export const testBuildUrl = (): string => `http://127.0.0.1:${Number(process.env.STAGES_TEST_PORT ?? 3100) + 1}/stages/`;

/** The staged files' ids by name, from the staging area's IndexedDB. */
export const stagedIds = (page: Page) =>
  page.evaluate(
    () =>
      new Promise<Record<string, string>>((resolve, reject) => {
        const open = indexedDB.open("stages");
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const all = open.result.transaction("files").objectStore("files").getAll();
          all.onsuccess = () => resolve(Object.fromEntries((all.result as { name: string; id: string }[]).map((f) => [f.name, f.id])));
        };
      }),
  );

/** A paste of these clipboard types (`text/plain`, `text/html`) on the element `selector` finds, as the browser sends one for Ctrl+V. */
export async function paste(page: Page, data: Record<string, string>, selector = "body") {
  await page.locator(selector).first().evaluate((target, items) => {
    const clipboardData = new DataTransfer();
    for (const [type, text] of Object.entries(items)) clipboardData.setData(type, text);
    target.dispatchEvent(new ClipboardEvent("paste", { clipboardData, bubbles: true, cancelable: true }));
  }, data);
}

/**
 * Open the app with DuckDB's wasm held back until `release` is called: the engine cannot be ready before, so what
 * a file shows while the engine starts can be seen.
 */
export async function openAppWithDuckDbHeld(page: Page): Promise<{ release: () => void }> {
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.context().route(/duckdb-eh\.[^/]*wasm$/, async (route) => {
    await held;
    await route.continue();
  });
  await page.goto("/");
  await expect(page.getByText("Starting the engine…")).toBeVisible();
  return { release };
}
