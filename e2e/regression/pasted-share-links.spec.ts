import { deflateSync, strToU8 } from "fflate";
import { expect, test } from "../support/test";
import { openApp } from "../support/app";

/**
 * A share link pasted into a tab that has Stages open only changes the
 * fragment. Clearing the previous fragment with a bare history.replaceState
 * dropped the router's state, and Next's router then put its own URL back
 * after the next link had been pasted: that link showed no consent screen
 * (one in six when pasted a moment later; the second one when pasted at once,
 * as here).
 */
test("every share link pasted into the open tab shows its own consent screen, even right after declining one", async ({ page }) => {
  await openApp(page);
  const fragment = (name: string) => `share=${Buffer.from(deflateSync(strToU8(JSON.stringify({ v: 1, recipe: { version: 1, name } })))).toString("base64url")}`;
  const dialog = page.getByRole("dialog", { name: "Open a shared recipe?" });
  await page.evaluate((hash) => (location.hash = hash), fragment("pasted 0"));
  for (let i = 1; i < 10; i++) {
    await expect(dialog).toContainText(`Recipe name: pasted ${i - 1}`);
    // Decline one link and paste the next at once.
    await page.evaluate((hash) => {
      [...document.querySelectorAll("button")].find((b) => b.textContent === "Don't open")!.click();
      location.hash = hash;
    }, fragment(`pasted ${i}`));
  }
  await expect(dialog).toContainText("Recipe name: pasted 9");
});
