// How the production build is served here (`npm start`, tests, benchmarks, screenshots):
// - files as they are, not compressed on every request: gzipping DuckDB's 34 MB wasm took
//   about half a second per load from localhost;
// - the hashed files under `_next/static` cached for good (serve.json), so a reload takes
//   DuckDB's wasm from the HTTP cache without asking the server again.
// Run directly (`node scripts/static-server.mjs [dir] [port]`) it serves `out/` on port 3000.
import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";

const config = fileURLToPath(new URL("../serve.json", import.meta.url));

/** The command (for `spawn("npx", …)` or a shell) that serves `dir` on 127.0.0.1:`port`. */
export const serveArgs = (dir, port) => ["serve", dir, "--no-compression", "--config", config, "--no-clipboard", "--no-request-logging", "--listen", `tcp://127.0.0.1:${port}`];

/**
 * Serve `dir` on 127.0.0.1:`port` in a process group of its own (killing npx alone left `serve` holding
 * the port) and wait until it answers; `stop()` ends it. For the tests and benchmarks that drive a browser
 * outside Playwright's own web servers.
 */
export async function serve(dir, port) {
  const server = spawn("npx", serveArgs(dir, port), { stdio: "ignore", detached: true });
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; !(await fetch(`${url}/`).then((r) => r.ok, () => false)); i++) {
    if (i > 150) throw new Error(`The site in ${dir} did not start on ${url}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  return { url, stop: () => server.pid && process.kill(-server.pid) };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [dir = "out", port = "3000"] = process.argv.slice(2);
  spawn("npx", serveArgs(dir, port), { stdio: "inherit" }).on("exit", (code) => process.exit(code ?? 0));
}
