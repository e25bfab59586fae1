// The Chromium that tests, benchmarks and screenshots launch: which one, and its switches.
import { existsSync, statfsSync } from "node:fs";

/** STAGES_CHROMIUM_PATH picks the browser; by default Debian's /usr/bin/chromium, else Playwright's own. */
const executablePath = process.env.STAGES_CHROMIUM_PATH ?? (existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined);

const args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];

/**
 * Playwright starts Chromium with --disable-dev-shm-usage, for containers whose /dev/shm holds 64 MB: Chromium then
 * keeps the memory its processes share in files under /tmp. Where /tmp is a disk and /dev/shm is large, that only
 * costs (README, "Run every test", has what it measured), so it is dropped where /dev/shm has a gigabyte free.
 */
const ignoreDefaultArgs = roomyShm() ? ["--disable-dev-shm-usage"] : [];

function roomyShm() {
  try {
    const { bavail, bsize } = statfsSync("/dev/shm");
    return bavail * bsize >= 2 ** 30;
  } catch {
    return false;
  }
}

/** The browser and its switches, as Playwright's launch options take them. */
export const launchOptions = { executablePath, args, ignoreDefaultArgs };
