// npm run bench:start [-- --profiles 4 --reloads 3 --dir out --mbit 100]
// Engine start alone, for comparing two builds (run it on each, alternating): cold start in a fresh
// profile, then warm starts (reloads served by the service worker), and when the page's controls are live.
// Prints medians; writes nothing. `npm run bench` reports the same figures beside the flow. `--mbit N`
// serves the site over a link of N megabits a second (bench/throttle.mjs) instead of from localhost.
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import { join } from "node:path";
import { chromium } from "@playwright/test";
import { serve } from "../scripts/static-server.mjs";
import { launchOptions } from "./chromium.mjs";
import { median } from "./report.mjs";
import { timeStarts } from "./start-marks.mjs";
import { throttle } from "./throttle.mjs";

const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const dir = arg("dir", "out");
const profiles = Number(arg("profiles", "4"));
const reloads = Number(arg("reloads", "3"));
const mbit = arg("mbit", null);
const port = 3311;

const line = (name, values) => `${name}: median ${median(values).toFixed(2)} s (${values.map((v) => v.toFixed(2)).join(", ")})`;

const server = await serve(dir, port);
const link = mbit ? await throttle(server.url, port + 1, Number(mbit)) : null;
const cold = [];
const warm = [];
const usable = [];
try {
  for (let i = 0; i < profiles; i++) {
    const profile = mkdtempSync(join(os.tmpdir(), "stages-start-"));
    const context = await chromium.launchPersistentContext(profile, launchOptions);
    try {
      const page = context.pages()[0] ?? (await context.newPage());
      const started = await timeStarts(page, `${(link ?? server).url}/`, reloads);
      cold.push(started.cold);
      warm.push(...started.warm);
      usable.push(...started.usable);
    } finally {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    }
  }
} finally {
  link?.stop();
  server.stop();
}
console.log(`${dir}, ${profiles} fresh profiles, ${reloads} reloads each${mbit ? `, over ${mbit} Mbit/s` : ""}`);
console.log(line("engine cold start", cold));
console.log(line("engine warm start", warm));
console.log(line("page's controls live, warm", usable));
