import { type ChildProcess, spawn } from "node:child_process";
import { serveArgs } from "../../scripts/static-server.mjs";

/** The production build (`out/`) served on a port of its own (STAGES_TEST_PORT + `offset`), for a browser driven outside Playwright. */
export async function serveSite(offset: number): Promise<{ base: string; stop: () => void }> {
  const port = Number(process.env.STAGES_TEST_PORT ?? 3100) + offset;
  const server: ChildProcess = spawn("npx", serveArgs("out", port), { stdio: "ignore", detached: true });
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; !(await fetch(`${base}/`).then((r) => r.ok, () => false)); i++) {
    if (i > 150) throw new Error(`The site did not start on ${base}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  return { base, stop: () => server.pid && process.kill(-server.pid) };
}
