import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

/**
 * Browsers other than Chromium (e2e/browsers/), against the production build in `out/`: the main flows in
 * Firefox (puppeteer-core over WebDriver BiDi), smoke tests in WebKitGTK (WebKitWebDriver under Xvfb, and a
 * web view of its own whose data is kept on disk).
 */
export default defineConfig({
  resolve: { alias: { "@": fileURLToPath(new URL(".", import.meta.url)) } },
  test: { include: ["e2e/browsers/**/*.test.ts"], environment: "node", testTimeout: 120_000, hookTimeout: 60_000, fileParallelism: false },
});
