/**
 * What a user does in the page, as scripts a WebKit Session runs (webkit-driver.ts, webkit-view.ts): neither
 * driver has Playwright's locators, so controls are found by their visible names, as a user finds them.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { Session } from "./webkit-driver";

/** Open a step of the flow from its navigation, once its form (a fieldset named `legend`, if given) shows. */
export async function openStep(page: Session, step: string, legend?: string): Promise<void> {
  await page.waitFor(`const a = [...document.querySelectorAll('nav[aria-label="Flow"] a')].find((a) => /^\\d\\. /.test(a.textContent) && a.textContent.slice(3).startsWith(arguments[0])); a?.click(); return !!a`, 20_000, step);
  if (legend) await page.waitFor(`return [...document.querySelectorAll("fieldset > legend")].some((l) => l.textContent.trim() === arguments[0])`, 20_000, legend);
}

/** The form control whose label reads `label` (a checkbox is clicked; a field's value is returned once it has one). */
export const clickLabelled = (page: Session, label: string) =>
  page.waitFor(`const c = [...document.querySelectorAll("label")].find((l) => l.textContent.trim() === arguments[0])?.control; c?.click(); return !!c`, 20_000, label);
export const labelledValue = (page: Session, label: string, value: RegExp) =>
  page.waitFor<string>(`const v = [...document.querySelectorAll("label")].find((l) => l.textContent.trim() === arguments[0])?.control?.value ?? ""; return new RegExp(arguments[1]).test(v) && v`, 20_000, label, value.source);

/**
 * Fill a form (a fieldset named `legend`) as the page's own events would: an option chosen by its text, text set
 * and announced as input, each field after the one before has rendered (a kind chosen brings its own fields); then
 * press its button `submit`.
 */
export async function fillForm(page: Session, legend: string, fields: [label: string, value: string][], submit: string): Promise<void> {
  for (const [label, value] of fields) {
    const said = await page.run<string>(
      `const [legend, label, value] = arguments;
      const group = [...document.querySelectorAll("fieldset")].find((f) => f.querySelector(":scope > legend")?.textContent.trim() === legend);
      const field = [...(group?.querySelectorAll("label") ?? [])].find((l) => l.textContent.trim() === label)?.control;
      if (!field) return legend + " has no field " + label;
      if (field instanceof HTMLSelectElement) {
        const option = [...field.options].find((o) => o.text === value || o.value === value);
        if (!option) return label + " has no option " + value;
        Object.getOwnPropertyDescriptor(HTMLSelectElement.prototype, "value").set.call(field, option.value);
        field.dispatchEvent(new Event("change", { bubbles: true }));
      } else {
        Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, "value").set.call(field, value);
        field.dispatchEvent(new Event("input", { bubbles: true }));
      }
      await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
      return "set";`,
      legend,
      label,
      value,
    );
    if (said !== "set") throw new Error(said);
  }
  await page.waitFor(
    `const group = [...document.querySelectorAll("fieldset")].find((f) => f.querySelector(":scope > legend")?.textContent.trim() === arguments[0]);
    const b = [...(group?.querySelectorAll("button") ?? [])].find((b) => b.textContent.trim() === arguments[1] && !b.disabled); b?.click(); return !!b`,
    10_000,
    legend,
    submit,
  );
}

/** Press the button whose text (or accessible name) is `name`, once it shows and is enabled. */
export async function press(page: Session, name: string): Promise<void> {
  await page.waitFor(
    `const b = [...document.querySelectorAll("button")].find((b) => (b.textContent.trim() === arguments[0] || b.getAttribute("aria-label") === arguments[0]) && b.offsetParent && !b.disabled); b?.click(); return !!b`,
    30_000,
    name,
  );
}

/** Wait until the page's text matches. */
export const waitForText = (page: Session, text: RegExp, timeoutMs = 30_000) => page.waitFor(`return new RegExp(arguments[0]).test(document.body.innerText)`, timeoutMs, text.source);

/** The text of the region whose heading has the id `heading`, once it matches `text`. */
export const regionText = (page: Session, heading: string, text: RegExp) =>
  page.waitFor<string>(`const t = document.querySelector('section[aria-labelledby="' + arguments[0] + '"]')?.innerText ?? ""; return new RegExp(arguments[1]).test(t) && t`, 30_000, heading, text.source);

/** A grid's row count and the cells of its first row of data, once it has them. */
export const gridHead = (page: Session, name: string) =>
  page.waitFor<{ rowcount: string; first: string[] }>(
    `const g = [...document.querySelectorAll('[role="grid"]')].find((g) => g.getAttribute("aria-label") === arguments[0]);
    const cells = [...(g?.querySelectorAll('[role="row"][aria-rowindex="2"] [role="gridcell"]') ?? [])].map((c) => c.textContent);
    return cells.some((c) => c) && { rowcount: g.getAttribute("aria-rowcount"), first: cells };`,
    30_000,
    name,
  );

/** A file the view has finished downloading into `dir`, read as text. */
export async function downloaded(dir: string, name: string, timeoutMs = 30_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  let last: string | null = null;
  for (;;) {
    const now = existsSync(join(dir, name)) ? readFileSync(join(dir, name), "utf8") : null;
    if (now && now === last && !readdirSync(dir).some((f) => f.endsWith(".wkdownload"))) return now;
    if (Date.now() > deadline) throw new Error(`${name} was not downloaded (the folder has: ${readdirSync(dir).join(", ") || "nothing"})`);
    last = now;
    await new Promise((r) => setTimeout(r, 250));
  }
}
