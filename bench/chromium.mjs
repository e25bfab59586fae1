// The benchmarks' Chromium: launched as the tests launch it (scripts/chromium.mjs), and the memory of its renderer processes.
import { readdirSync, readFileSync } from "node:fs";

export { launchOptions } from "../scripts/chromium.mjs";

/** Resident memory of each Chromium renderer process (read from /proc), by pid. */
export function rendererMemory() {
  const out = new Map();
  for (const pid of readdirSync("/proc").filter((p) => /^\d+$/.test(p))) {
    try {
      if (!readFileSync(`/proc/${pid}/cmdline`, "utf8").includes("--type=renderer")) continue;
      out.set(pid, Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1] ?? 0) * 1024);
    } catch {
      // The process ended while being read.
    }
  }
  return out;
}
