import { type Locator, type Page } from "@playwright/test";
import { expect, test } from "./support/test";
import { destination, openApp, stagedGrid, stagingArea, stepLink } from "./support/app";
import { expectCounts } from "./support/recipe";

/**
 * The whole flow with the keyboard alone: Tab moves focus, Enter and Space
 * act, letters type. No clicks. At every stop, focus must be visible (an
 * outline on the control, or on the label that stands for a hidden input).
 */
async function tabTo(page: Page, target: Locator, maxPresses = 250): Promise<void> {
  for (let i = 0; i < maxPresses; i++) {
    await page.keyboard.press("Tab");
    if (await target.evaluate((el) => el === document.activeElement)) {
      const ring = await target.evaluate((el) => {
        const shown = (el.matches(".sr-only") ? el.closest("label") : el) ?? el;
        const style = getComputedStyle(shown);
        return el.matches(":focus-visible") && style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0;
      });
      expect(ring, "focus is visible").toBe(true);
      return;
    }
  }
  throw new Error(`Tab never reached ${target.toString()}`);
}

/** Pick an option of a focused native select by typing its label's first letters, as a keyboard user does. */
async function typeToChoose(page: Page, select: Locator, label: string): Promise<void> {
  await page.keyboard.type(label.slice(0, 12));
  await expect(select.locator("option:checked")).toHaveText(label);
}

/** Tab to each select of an "Add a rule" / "Add a step" form, choose by typing, then press its button with Enter. */
async function fillSpecForm(page: Page, legend: string, choices: [label: string, option: string][], button: string): Promise<void> {
  const form = page.getByRole("group", { name: legend });
  for (const [label, option] of choices) {
    const select = form.getByLabel(label, { exact: true });
    await tabTo(page, select);
    await typeToChoose(page, select, option);
  }
  await tabTo(page, form.getByRole("button", { name: button }));
  await page.keyboard.press("Enter");
}

test("the whole flow works from the keyboard alone: add files, choose one, add a rule and a step, promote, download, share", async ({ page }) => {
  await openApp(page);

  // Listening turns on Playwright's file chooser interception, which takes effect asynchronously: start it
  // before tabbing, or an Enter pressed right away opens (and loses) a real chooser (1 run in 4 did).
  const chooser = page.waitForEvent("filechooser");
  await tabTo(page, page.locator('input[type="file"]'));
  await page.keyboard.press("Enter");
  await (await chooser).setFiles([
    { name: "people.csv", mimeType: "text/csv", buffer: Buffer.from("id,name,city\n1,Ada,Lyon\n2,,Oslo\n3,Cy,porto\n") },
    { name: "other.csv", mimeType: "text/csv", buffer: Buffer.from("k\n1\n") },
  ]);
  await expect(stagingArea(page).getByText("other.csv")).toBeVisible();

  const people = stagingArea(page).getByRole("button", { name: "people.csv", exact: true });
  await tabTo(page, people);
  await page.keyboard.press("Enter");
  await expect(people).toHaveAttribute("aria-pressed", "true");
  await expect(stagedGrid(page)).toHaveAttribute("aria-rowcount", "4");
  await expectCounts(page, "3 rows in");

  await fillSpecForm(page, "Add a rule", [["Rule", "Required (not empty)"], ["Column", "name"]], "Add rule");
  await expectCounts(page, "3 rows in = 2 valid after steps + 1 rejected");

  await tabTo(page, stepLink(page, "Transform"));
  await page.keyboard.press("Enter");
  await expect(stepLink(page, "Transform")).toHaveAttribute("aria-current", "step");
  await fillSpecForm(page, "Add a step", [["Step", "Change case"], ["Column", "city"], ["Case", "upper"]], "Add step");
  await expect(page.getByRole("grid", { name: "Final data" }).getByText("PORTO")).toBeVisible();

  const name = page.getByLabel("Dataset name");
  await tabTo(page, name);
  await page.keyboard.press("ControlOrMeta+a");
  await page.keyboard.type("people_clean");
  await tabTo(page, page.getByRole("button", { name: "Promote" }));
  await page.keyboard.press("Enter");
  await expect(destination(page).getByRole("listitem").first()).toContainText("v1 · 2 rows");

  await tabTo(page, destination(page).getByRole("button", { name: "Download people_clean v1 as CSV" }));
  const download = page.waitForEvent("download");
  await page.keyboard.press("Enter");
  const csv = await (await download).createReadStream();
  const chunks: Buffer[] = [];
  for await (const chunk of csv) chunks.push(chunk as Buffer);
  expect(Buffer.concat(chunks).toString("utf8")).toBe("id,name,city\r\n1,Ada,LYON\r\n3,Cy,PORTO\r\n");

  await tabTo(page, stepLink(page, "Promote"));
  await page.keyboard.press("Enter");
  await tabTo(page, page.getByRole("button", { name: "Share", exact: true }));
  await page.keyboard.press("Enter");
  await expect(page.getByLabel("Share link (the part after # never reaches a server)")).toHaveValue(/#/);
});
