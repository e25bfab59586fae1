// Screenshots of the real app for the README: serves the production build
// (`out/`, run `npm run build` first), walks the sample-data flow in Chromium,
// and writes docs/screenshots/*.png.
import { spawn } from "node:child_process";
import { existsSync, mkdirSync } from "node:fs";
import { chromium } from "@playwright/test";
import { serveArgs } from "./static-server.mjs";

const port = 3210;
const base = `http://127.0.0.1:${port}`;
const executablePath = process.env.STAGES_CHROMIUM_PATH ?? (existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined);
const server = spawn("npx", serveArgs("out", port), { stdio: "ignore" });

async function waitForServer() {
  for (let i = 0; i < 100; i++) {
    if (await fetch(base).then((r) => r.ok, () => false)) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error("the static server did not start");
}

async function shoot(scheme) {
  const browser = await chromium.launch({ executablePath, args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking"] });
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, colorScheme: scheme });
  await page.goto(base);
  await page.getByText(/Engine ready/).waitFor({ timeout: 30_000 });
  await page.getByRole("button", { name: "Try sample data" }).click();
  await page.getByRole("grid", { name: "Rejected rows" }).waitFor();
  await page.waitForTimeout(1000);
  await page.screenshot({ path: `docs/screenshots/workspace-${scheme}.png` });
  if (scheme === "light") {
    await page.getByRole("button", { name: "Promote" }).click();
    await page.getByText(/Promoted orders v1/).waitFor();
    await page.getByRole("region", { name: "Destination" }).getByText("Versions of orders").click();
    await page.getByRole("region", { name: "Destination" }).getByRole("button", { name: "Open orders v1" }).click();
    await page.getByRole("grid", { name: "Dataset orders v1" }).waitFor();
    await page.waitForTimeout(800);
    await page.getByRole("region", { name: "Destination" }).screenshot({ path: "docs/screenshots/destination-light.png" });
  }
  await browser.close();
}

try {
  mkdirSync("docs/screenshots", { recursive: true });
  await waitForServer();
  await shoot("light");
  await shoot("dark");
  console.log("Wrote docs/screenshots/workspace-light.png, workspace-dark.png, destination-light.png");
} finally {
  server.kill();
}
