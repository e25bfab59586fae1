// The benchmarks' Chromium: which one, its switches, and the memory of its renderer processes.
import { existsSync, readdirSync, readFileSync } from "node:fs";

export const executablePath = process.env.STAGES_CHROMIUM_PATH ?? (existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined);

export const chromiumArgs = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];

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
