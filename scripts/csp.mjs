// Writes a Content-Security-Policy into every page of the static build.
// A static export cannot send headers or nonces, so the policy is a <meta>
// tag, and Next's inline bootstrap scripts are allowed by their SHA-256.
// Scripts and workers come only from the site; 'wasm-unsafe-eval' is what
// DuckDB-WASM and parquet-wasm need; connect-src allows http(s) because a
// share link may name a source URL, fetched only after the user agrees.
import { createHash } from "node:crypto";
import { readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const root = process.argv[2] ?? "out";

function htmlFiles(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? htmlFiles(path) : path.endsWith(".html") ? [path] : [];
  });
}

let pages = 0;
for (const file of htmlFiles(root)) {
  const html = readFileSync(file, "utf8");
  const hashes = [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].map(
    ([, body]) => `'sha256-${createHash("sha256").update(body, "utf8").digest("base64")}'`,
  );
  const policy = [
    "default-src 'self'",
    `script-src 'self' 'wasm-unsafe-eval' ${[...new Set(hashes)].join(" ")}`,
    "worker-src 'self' blob:",
    "connect-src 'self' https: http: blob: data:",
    "img-src 'self' data: blob:",
    "style-src 'self' 'unsafe-inline'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'none'",
  ].join("; ");
  const meta = `<meta http-equiv="Content-Security-Policy" content="${policy}"/>`;
  const withPolicy = html.replace(/<meta http-equiv="Content-Security-Policy"[^>]*\/>/, "").replace(/<head>/, `<head>${meta}`);
  writeFileSync(file, withPolicy);
  pages++;
}
console.log(`CSP written into ${pages} pages of ${root}/`);
