/**
 * Drives the production build in Firefox (Debian's firefox-esr, or STAGES_FIREFOX_PATH) over WebDriver
 * BiDi with puppeteer-core, by role and name as the Playwright tests do. Playwright's own Firefox is a
 * patched build that cannot be downloaded here; a stock Firefox speaks BiDi.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import puppeteer, { type Browser, type ElementHandle, type Page } from "puppeteer-core";
import { serveSite } from "./site";

export const firefoxPath = process.env.STAGES_FIREFOX_PATH ?? ["/usr/bin/firefox-esr", "/usr/bin/firefox"].find((p) => existsSync(p));

/** The site (`out/`) served on its own port, and one Firefox with a download folder of its own. */
export async function startFirefox(): Promise<{ browser: Browser; base: string; downloads: string; stop: () => Promise<void> }> {
  if (!firefoxPath) throw new Error("Firefox is missing: apt-get install -y firefox-esr, or set STAGES_FIREFOX_PATH");
  const site = await serveSite(3);
  const downloads = mkdtempSync(join(tmpdir(), "stages-firefox-downloads-"));
  const browser = await puppeteer.launch({
    browser: "firefox",
    executablePath: firefoxPath,
    headless: true,
    extraPrefsFirefox: {
      "browser.download.dir": downloads,
      "browser.download.folderList": 2,
      "browser.download.useDownloadDir": true,
      "browser.download.always_ask_before_handling_new_types": false,
    },
  });
  return {
    browser,
    base: site.base,
    downloads,
    stop: async () => {
      await browser.close();
      site.stop();
      rmSync(downloads, { recursive: true, force: true });
    },
  };
}

/** An element by its role and accessible name (exact), waited for. */
export const byRole = (scope: Page | ElementHandle, role: string, name: string) =>
  waitIn(scope, `::-p-aria([name="${name.replaceAll('"', '\\"')}"][role="${role}"])`);

/**
 * Press a control, as a user does, once it is enabled and has stopped moving (Playwright waits for both;
 * puppeteer clicks at once, where the element was: a consent's Open it stays disabled until the engine has
 * read the recipe's SQL, and the layout still settles after the engine starts).
 */
export async function press(scope: Page | ElementHandle, role: string, name: string): Promise<void> {
  const control = await byRole(scope, role, name);
  let last = "";
  for (let i = 0; i < 100; i++) {
    const box = JSON.stringify(await control.boundingBox());
    const enabled = await control.evaluate((el) => !(el as HTMLButtonElement).disabled);
    if (enabled && box === last && box !== "null") break;
    last = box;
    await new Promise((r) => setTimeout(r, 100));
  }
  await control.click();
}

async function waitIn(scope: Page | ElementHandle, selector: string, timeout = 30_000): Promise<ElementHandle> {
  const deadline = Date.now() + timeout;
  for (;;) {
    const found = await scope.$(selector);
    if (found) return found;
    if (Date.now() > deadline) throw new Error(`Not found within ${timeout} ms: ${selector}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Wait until the page's text contains `text` (or matches it); fails with what the page said instead. */
export async function waitForText(page: Page, text: string | RegExp, timeout = 30_000): Promise<void> {
  const source = typeof text === "string" ? text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&") : text.source;
  try {
    await page.waitForFunction((s: string) => new RegExp(s).test(document.body.innerText), { timeout, polling: 100 }, source);
  } catch {
    const said = await page.evaluate(() => document.body.innerText.slice(0, 2000));
    throw new Error(`The page never showed ${text}. It showed:\n${said}`);
  }
}

export async function openApp(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await waitForText(page, "Engine ready");
}

/** Stage files through the page's one file input, as a user picking them does. */
export async function addFiles(page: Page, files: { name: string; content: string | Buffer }[]): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), "stages-firefox-files-"));
  const paths = files.map((f) => {
    const path = join(dir, f.name);
    writeFileSync(path, f.content);
    return path;
  });
  const input = (await page.$('input[type="file"]')) as ElementHandle<HTMLInputElement>;
  await input.uploadFile(...paths);
}

/** A step of the flow, opened from its navigation. */
export async function openStep(page: Page, name: string): Promise<void> {
  await waitIn(page, 'nav[aria-label="Flow"] a');
  for (const link of await page.$$('nav[aria-label="Flow"] a')) {
    if (new RegExp(`^\\d\\. ${name}`).test(await link.evaluate((e) => e.textContent ?? ""))) return link.click();
  }
  throw new Error(`The flow has no step ${name}`);
}

/** Fill a form group (a fieldset named `legend`): selects by option label, text fields by typing. */
export async function fillForm(page: Page, legend: string, fields: [label: string, value: string][], submit: string): Promise<void> {
  const group = await byRole(page, "group", legend);
  for (const [label, value] of fields) await setField(group, legend, label, value);
  // Choosing a kind re-renders the form with that kind's fields, so a field typed into before that
  // render may have been replaced: every field is checked again, and set again, before the form is sent.
  for (const [label, value] of fields) if (!(await holds(group, legend, label, value))) await setField(group, legend, label, value);
  await press(group, "button", submit);
}

type Control = ElementHandle<HTMLSelectElement | HTMLInputElement>;

/** The form control named `label`. Firefox's accessible-name query also finds the `<label>` itself, which stands for its control. */
async function field(group: ElementHandle, legend: string, label: string): Promise<Control> {
  for (const found of await group.$$(`::-p-aria([name="${label}"])`)) {
    const control = (await found.evaluateHandle((el) => (el instanceof HTMLLabelElement ? (el.control ?? el) : el))) as ElementHandle<Element>;
    if (await control.evaluate((el) => el instanceof HTMLInputElement || el instanceof HTMLSelectElement)) return control as Control;
  }
  throw new Error(`${legend} has no field ${label}`);
}

/** What a field holds once `value` is set: for a select, the value of the option with that text. */
async function expectedValue(control: Control, label: string, value: string): Promise<string> {
  if ((await control.evaluate((el) => el.tagName)) !== "SELECT") return value;
  const option = await control.evaluate((el, text) => [...(el as HTMLSelectElement).options].find((o) => o.text === text || o.value === text)?.value, value);
  if (option === undefined) throw new Error(`${label} has no option ${value}`);
  return option;
}

/** Whether the field, as the page shows it after its next frame, holds `value`. */
async function holds(group: ElementHandle, legend: string, label: string, value: string): Promise<boolean> {
  await group.evaluate(() => new Promise((r) => requestAnimationFrame(r)));
  const control = await field(group, legend, label);
  const expected = await expectedValue(control, label, value);
  return control.evaluate((el, v) => el.value === v, expected);
}

/** Sets one field (an option by its text or value, or typed text), again until the page holds it. */
async function setField(group: ElementHandle, legend: string, label: string, value: string): Promise<void> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const control = await field(group, legend, label);
    const expected = await expectedValue(control, label, value);
    if ((await control.evaluate((el) => el.tagName)) === "SELECT") await (control as ElementHandle<HTMLSelectElement>).select(expected);
    else {
      await control.evaluate((el) => (el as HTMLInputElement).select());
      await control.type(value);
    }
    if (await holds(group, legend, label, value)) return;
    if (Date.now() > deadline) throw new Error(`${legend}: ${label} does not keep ${value}`);
  }
}

/** A file Firefox has finished downloading into `dir` (named `name`), read as text. */
export async function downloaded(dir: string, name: string, timeout = 30_000): Promise<string> {
  const deadline = Date.now() + timeout;
  for (;;) {
    const done = readdirSync(dir).includes(name) && !readdirSync(dir).some((f) => f.endsWith(".part")) && statSync(join(dir, name)).size > 0;
    if (done) return readFileSync(join(dir, name), "utf8");
    if (Date.now() > deadline) throw new Error(`${name} was not downloaded (the folder has: ${readdirSync(dir).join(", ") || "nothing"})`);
    await new Promise((r) => setTimeout(r, 200));
  }
}
