import { expect, test } from "./support/test";
import { destination, openApp } from "./support/app";
import { expectCounts } from "./support/recipe";

test("the app runs its whole flow under its Content-Security-Policy, which blocks injected scripts", async ({ page }) => {
  const violations: string[] = [];
  page.on("console", (m) => {
    if (/Content.Security.Policy|Refused to/i.test(m.text())) violations.push(m.text());
  });
  await openApp(page);
  expect(await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute("content")).toContain("script-src 'self' 'wasm-unsafe-eval'");

  await page.getByRole("button", { name: "Try sample data" }).click();
  await expectCounts(page, "60 rows in = 55 valid after steps + 5 rejected");
  await page.getByRole("button", { name: "Promote" }).click();
  await expect(destination(page).getByRole("listitem").first()).toContainText("v1 · 55 rows");
  const download = page.waitForEvent("download");
  await destination(page).getByRole("button", { name: "Download orders v1 as CSV" }).click();
  await download;
  expect(violations).toEqual([]);

  const injected = await page.evaluate(() => {
    const script = document.createElement("script");
    script.textContent = "window.__injected = true";
    document.body.append(script);
    return (window as unknown as { __injected?: boolean }).__injected ?? false;
  });
  expect(injected).toBe(false);
});
