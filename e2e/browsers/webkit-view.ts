/**
 * A WebKitGTK web view with its website data kept on disk (e2e/browsers/webkit-view.py, under Xvfb), driven
 * through the same Session as WebKitWebDriver's (webkit-driver.ts), whose sessions are ephemeral: storage that
 * outlives a reload, as Safari keeps it, is tested here. Files reach the page through its own file chooser.
 */
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { createInterface } from "node:readline";
import { type Session, waitingWith } from "./webkit-driver";

const SCRIPT = new URL("./webkit-view.py", import.meta.url).pathname;

/** Whether Python's GObject bindings for WebKitGTK are installed (Debian's python3-gi and gir1.2-webkit2-4.1). */
export const webkitViewAvailable = (): boolean =>
  spawnSync("/usr/bin/python3", ["-c", "import gi; gi.require_version('WebKit2', '4.1'); from gi.repository import WebKit2"], { stdio: "ignore" }).status === 0;

export async function startWebKitView(features: string[], dataDir: string): Promise<Session> {
  const view: ChildProcess = spawn("xvfb-run", ["-a", "/usr/bin/python3", SCRIPT, dataDir, features.join(",")], { stdio: ["pipe", "pipe", "ignore"], detached: true });
  const waiting = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
  let next = 0;
  const ready = new Promise<string>((resolve, reject) => {
    waiting.set(0, { resolve: (v) => resolve(String(v)), reject });
    view.once("exit", (code) => reject(new Error(`The WebKit view ended (${code}) before it started`)));
  });
  createInterface({ input: view.stdout! }).on("line", (line) => {
    // Only the view's answers are JSON objects: anything else a library prints is not for us.
    if (!line.startsWith("{")) return;
    const { id, value, error } = JSON.parse(line) as { id: number; value?: unknown; error?: string };
    const call = waiting.get(id);
    waiting.delete(id);
    if (error !== undefined) call?.reject(new Error(`WebKit: ${error}`));
    else call?.resolve(value);
  });
  const ask = (request: Record<string, unknown>) =>
    new Promise<unknown>((resolve, reject) => {
      const id = ++next;
      waiting.set(id, { resolve, reject });
      view.stdin!.write(`${JSON.stringify({ id, ...request })}\n`);
    });
  // A function body, as WebDriver takes it (`arguments` included), run as an async function's; an element it returns comes back as true.
  const run = async <T>(body: string, ...args: unknown[]) =>
    (await ask({
      op: "run",
      script: `const value = await (async function () { ${body} }).apply(null, ${JSON.stringify(args)}); return JSON.stringify(value instanceof Node || (value ?? null));`,
    })) as T;
  const version = await ready;
  return {
    version,
    navigate: async (url) => void (await ask({ op: "load", url })),
    run,
    setFiles: async (selector, paths) => {
      await ask({ op: "files", paths });
      await run(`document.querySelector(arguments[0]).click()`, selector);
    },
    waitFor: waitingWith(run),
    close: async () => {
      await ask({ op: "quit" }).catch(() => undefined);
      try {
        if (view.pid) process.kill(-view.pid);
      } catch {
        // Ended already.
      }
    },
  };
}
