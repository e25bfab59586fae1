import { readFileSync } from "node:fs";
import { basename } from "node:path";
import { expect, test } from "./support/test";
import { addFiles, openApp, stagedItem } from "./support/app";
test("head timing", async ({ page }) => {
  test.setTimeout(300_000);
  const file = process.env.HEAD_FILE!;
  const name = basename(file);
  await openApp(page);
  const content = readFileSync(file);
  await page.evaluate(() => {
    new MutationObserver(() => {
      const w = window as any;
      if (!w.stagingAt && document.body.textContent?.includes("Staging ")) w.stagingAt = performance.now();
      if (!w.headAt && document.querySelector('section[aria-label^="First rows of"] th, section[aria-label^="First rows of"] [role="columnheader"]')) w.headAt = performance.now();
    }).observe(document.body, { subtree: true, childList: true, characterData: true });
  });
  await addFiles(page, [{ name, content, mimeType: "application/octet-stream" }]);
  await expect(stagedItem(page, name)).toContainText(/rows/, { timeout: 240_000 });
  const [stagingAt, headAt, end] = await page.evaluate(() => [(window as any).stagingAt, (window as any).headAt, performance.now()]);
  console.log(`RESULT ${name}: head ${headAt ? ((headAt - stagingAt) / 1000).toFixed(2) : "none"} s after 'Staging', staged ${((end - stagingAt) / 1000).toFixed(2)} s after`);
});
