import { defineConfig } from "@playwright/test";
import { launchOptions } from "./scripts/chromium.mjs";
import { serveArgs } from "./scripts/static-server.mjs";

/** End-to-end tests drive the production build (`out/`, served statically) in real Chromium (scripts/chromium.mjs). */
const port = Number(process.env.STAGES_TEST_PORT ?? 3100);

export default defineConfig({
  testDir: "e2e",
  // Firefox and WebKit are driven from Vitest (vitest.browsers.config.ts): Playwright's own builds of them cannot be had here.
  testIgnore: "browsers/**",
  timeout: 90_000,
  expect: { timeout: 20_000 },
  workers: 2,
  retries: 0,
  reporter: [["list"]],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    acceptDownloads: true,
    // The service worker precaches the whole build (about 40 MB) on a first visit: only e2e/offline.spec.ts lets it.
    serviceWorkers: "block",
    launchOptions,
  },
  projects: [{ name: "chromium", use: { browserName: "chromium" } }],
  webServer: [
    {
      command: ["npx", ...serveArgs("out", port)].join(" "),
      url: `http://127.0.0.1:${port}/`,
      reuseExistingServer: !process.env.CI,
      timeout: 30_000,
    },
    {
      // The build made with STAGES_BASE_PATH=/stages (scripts/test-all.sh), hosted under that sub-path.
      command: ["npx", ...serveArgs(".subpath", port + 1)].join(" "),
      url: `http://127.0.0.1:${port + 1}/stages/`,
      reuseExistingServer: !process.env.CI,
      timeout: 30_000,
    },
    {
      // A page of another origin that embeds Stages (scripts/embed-demo.mjs, from embed/README.md's example).
      command: ["npx", ...serveArgs(".embed-demo", port + 2)].join(" "),
      url: `http://127.0.0.1:${port + 2}/`,
      reuseExistingServer: !process.env.CI,
      timeout: 30_000,
    },
  ],
});
