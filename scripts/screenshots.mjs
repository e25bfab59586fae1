// Screenshots of the real app for the README: serves the production build
// (`out/`, run `npm run build` first), walks the sample-data flow in Chromium
// at 1440 × 900 (the first screen, each step, the destination), in dark mode
// and at a 390 px phone width, and writes docs/screenshots/*.png.
import { spawn } from "node:child_process";
import { mkdirSync } from "node:fs";
import { chromium } from "@playwright/test";
import { launchOptions } from "./chromium.mjs";
import { serveArgs } from "./static-server.mjs";

const port = 3210;
const base = `http://127.0.0.1:${port}`;
const server = spawn("npx", serveArgs("out", port), { stdio: "ignore" });

async function waitForServer() {
  for (let i = 0; i < 100; i++) {
    if (await fetch(base).then((r) => r.ok, () => false)) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error("the static server did not start");
}

const STEPS = ["stage", "validate", "transform", "review", "promote"];

/** Walk the sample-data flow at one size and colour scheme, writing a screenshot per view. */
async function shoot({ scheme, width, height, prefix, steps }) {
  const browser = await chromium.launch(launchOptions);
  const page = await browser.newPage({ viewport: { width, height }, colorScheme: scheme });
  const shot = async (name) => {
    await page.waitForTimeout(800);
    await page.screenshot({ path: `docs/screenshots/${prefix}${name}.png` });
    written.push(`${prefix}${name}.png`);
  };
  await page.goto(base);
  await page.getByText(/Engine ready/).waitFor({ timeout: 30_000 });
  await shot("first-screen");
  await page.getByRole("button", { name: "Try sample data" }).click();
  await page.getByTestId("run-counts").getByText(/60 rows in/).waitFor();
  for (const button of await page.getByRole("button", { name: "Dismiss message" }).all()) await button.click();
  for (const step of steps) {
    const link = page.getByRole("navigation", { name: "Flow" }).getByRole("link", { name: new RegExp(`^\\d\\. ${step}`, "i") });
    await link.click();
    await shot(step);
  }
  if (steps.includes("promote")) {
    await page.getByRole("button", { name: "Promote", exact: true }).click();
    await page.getByText(/Promoted orders v1/).waitFor();
    for (const button of await page.getByRole("button", { name: "Dismiss message" }).all()) await button.click();
    const destination = page.getByRole("region", { name: "Destination" });
    await destination.getByText("Versions of orders").click();
    await destination.getByRole("button", { name: "Open orders v1" }).click();
    await page.getByRole("grid", { name: "Dataset orders v1" }).waitFor();
    await shot("destination");
  }
  await browser.close();
}

const written = [];
try {
  mkdirSync("docs/screenshots", { recursive: true });
  await waitForServer();
  await shoot({ scheme: "light", width: 1440, height: 900, prefix: "", steps: STEPS });
  await shoot({ scheme: "dark", width: 1440, height: 900, prefix: "dark-", steps: ["validate"] });
  await shoot({ scheme: "light", width: 390, height: 844, prefix: "phone-", steps: ["validate"] });
  console.log(`Wrote ${written.map((f) => `docs/screenshots/${f}`).join(", ")}`);
} finally {
  server.kill();
}
