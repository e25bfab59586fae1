/**
 * Just enough of the W3C WebDriver protocol (HTTP) to drive WebKitGTK's MiniBrowser through
 * WebKitWebDriver (Debian's webkit2gtk-driver) under Xvfb: a session, navigation, scripts, file
 * inputs. Safari's own driver speaks the same protocol.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { existsSync } from "node:fs";

export const webkitDriverPath = process.env.STAGES_WEBKIT_DRIVER ?? (existsSync("/usr/bin/WebKitWebDriver") ? "/usr/bin/WebKitWebDriver" : undefined);
const MINIBROWSER = process.env.STAGES_MINIBROWSER ?? "/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser";
const ELEMENT = "element-6066-11e4-a52e-4f735466cecf";

export interface Session {
  /** The browser's version, as its driver reports it. */
  version: string;
  navigate(url: string): Promise<void>;
  /** Run a function body in the page (`arguments` as in WebDriver); resolves with what it returns. */
  run<T>(body: string, ...args: unknown[]): Promise<T>;
  /** Give files to the page's file input (paths on this machine). */
  setFiles(selector: string, paths: string[]): Promise<void>;
  /** Wait until `body` returns something truthy; fails with the page's text. */
  waitFor<T>(body: string, timeoutMs?: number, ...args: unknown[]): Promise<T>;
  close(): Promise<void>;
}

/** A Session's `waitFor`, polling with its `run`. */
export function waitingWith(run: Session["run"]): Session["waitFor"] {
  return async <T>(body: string, timeoutMs = 60_000, ...args: unknown[]) => {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const value = await run<T>(body, ...args);
      if (value) return value;
      if (Date.now() > deadline) throw new Error(`Timed out waiting for: ${body}\nThe page showed:\n${await run<string>("return document.body.innerText.slice(0, 2000)")}`);
      await new Promise((r) => setTimeout(r, 250));
    }
  };
}

export async function startWebKit(features: string[]): Promise<Session> {
  if (!webkitDriverPath) throw new Error("WebKitWebDriver is missing: apt-get install -y webkit2gtk-driver xvfb");
  const port = Number(process.env.STAGES_TEST_PORT ?? 3100) + 5;
  const driver: ChildProcess = spawn("xvfb-run", ["-a", webkitDriverPath, `--port=${port}`], { stdio: "ignore", detached: true });
  const base = `http://127.0.0.1:${port}`;
  const call = async (method: string, path: string, body?: unknown) => {
    const response = await fetch(`${base}${path}`, { method, headers: { "content-type": "application/json" }, body: body === undefined ? undefined : JSON.stringify(body) });
    const { value } = (await response.json()) as { value: unknown };
    if (!response.ok) throw new Error(`WebDriver ${method} ${path}: ${JSON.stringify(value)}`);
    return value;
  };
  for (let i = 0; ; i++) {
    if (await fetch(`${base}/status`).then((r) => r.ok, () => false)) break;
    if (i > 100) throw new Error("WebKitWebDriver did not start");
    await new Promise((r) => setTimeout(r, 200));
  }
  const created = (await call("POST", "/session", {
    capabilities: { alwaysMatch: { browserName: "MiniBrowser", "webkitgtk:browserOptions": { binary: MINIBROWSER, args: ["--automation", `--features=${features.join(",")}`] } } },
  })) as { sessionId: string; capabilities: { browserVersion?: string } };
  const s = `/session/${created.sessionId}`;
  const run = async <T>(body: string, ...args: unknown[]) => (await call("POST", `${s}/execute/sync`, { script: body, args })) as T;
  return {
    version: created.capabilities.browserVersion ?? "unknown",
    navigate: async (url) => void (await call("POST", `${s}/url`, { url })),
    run,
    setFiles: async (selector, paths) => {
      const element = (await call("POST", `${s}/element`, { using: "css selector", value: selector })) as Record<string, string>;
      await call("POST", `${s}/element/${element[ELEMENT]}/value`, { text: paths.join("\n") });
    },
    waitFor: waitingWith(run),
    close: async () => {
      await call("DELETE", s).catch(() => undefined);
      if (driver.pid) process.kill(-driver.pid);
    },
  };
}
