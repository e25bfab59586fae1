import { test, expect } from "../support/test";
import { addFiles, openApp, stagingArea } from "../support/app";

// CI, stop 78: the audit log opened on the static page, before React attached its handlers, stayed open and empty:
// the toggle event reached no one, so its events were never read. The static page's other controls are disabled until then.
test("the audit log opened before the page came alive lists its events; the static page's controls wait for it", async ({ page }) => {
  await openApp(page);
  await addFiles(page, [{ name: "a.csv", content: "x\n1\n" }]);
  await expect(stagingArea(page).getByRole("listitem").filter({ hasText: "a.csv" })).toContainText("1 row");
  await stagingArea(page).getByRole("spinbutton").fill("14");

  let release = () => {};
  const scripts = new Promise<void>((resolve) => (release = resolve));
  await page.route("**/_next/static/chunks/**/*.js", async (route) => {
    await scripts;
    await route.continue();
  });
  await page.reload({ waitUntil: "commit" });
  const exportLog = page.getByRole("button", { name: "Export audit log as NDJSON" });
  const protect = page.getByRole("checkbox", { name: /Protect CSV downloads/ });
  await page.getByText("Audit log", { exact: true }).click();
  await expect(page.locator("details", { hasText: "Audit log" })).toHaveJSProperty("open", true);
  await expect(exportLog).toBeDisabled();
  await expect(protect).toBeDisabled();
  await expect(stagingArea(page).getByRole("spinbutton")).toBeDisabled();
  release();
  await expect(page.getByRole("list", { name: "Audit events" })).toContainText("read a.csv");
  await expect(exportLog).toBeEnabled();
  await expect(protect).toBeEnabled();
  await expect(stagingArea(page).getByRole("spinbutton")).toHaveValue("14");
});
