import { test, expect } from "../support/test";
import { addFiles, openApp, stagingArea } from "../support/app";

// CI, stop 78: the audit log opened on the static page, before React attached its handlers, stayed open and empty:
// the toggle event reached no one, so its events were never read.
test("the audit log opened before the page came alive lists its events", async ({ page }) => {
  await openApp(page);
  await addFiles(page, [{ name: "a.csv", content: "x\n1\n" }]);
  await expect(stagingArea(page).getByRole("listitem").filter({ hasText: "a.csv" })).toContainText("1 row");

  let release = () => {};
  const scripts = new Promise<void>((resolve) => (release = resolve));
  await page.route("**/_next/static/chunks/**/*.js", async (route) => {
    await scripts;
    await route.continue();
  });
  await page.reload({ waitUntil: "commit" });
  await page.getByText("Audit log", { exact: true }).click();
  await expect(page.locator("details", { hasText: "Audit log" })).toHaveJSProperty("open", true);
  release();
  await expect(page.getByRole("list", { name: "Audit events" })).toContainText("read a.csv");
});
