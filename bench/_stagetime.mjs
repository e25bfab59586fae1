import { spawn } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { chromium } from "@playwright/test";
import { serveArgs } from "../scripts/static-server.mjs";
const server = spawn("npx", serveArgs("out", 3311), { stdio: "ignore", detached: true });
await new Promise((r) => setTimeout(r, 2000));
const ctx = await chromium.launchPersistentContext(mkdtempSync("/tmp/st-"), { executablePath: "/usr/bin/chromium", args: ["--no-sandbox", "--disable-gpu"] });
const page = ctx.pages()[0];
page.on("console", (m) => m.text().startsWith("stagetime") && console.log(m.text()));
page.on("worker", (w) => w.on("console", (m) => m.text().startsWith("stagetime") && console.log(m.text())));
await page.goto("http://127.0.0.1:3311/");
await page.waitForFunction(() => window.stages);
await page.waitForTimeout(1500);
for (const f of process.argv.slice(2)) {
  const s = await page.evaluate(async (f) => {
    const file = new File([await (await fetch("/" + f)).blob()], f, { type: "text/csv" });
    const t0 = performance.now();
    const r = await window.stages.engine.stageFile(file, crypto.randomUUID());
    return { s: (performance.now() - t0) / 1000, ok: r.ok };
  }, f);
  console.log(f, JSON.stringify(s));
  await page.waitForTimeout(5000);
}
await ctx.close();
process.kill(-server.pid);
