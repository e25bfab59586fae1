import { readFileSync } from "node:fs";

/**
 * Stages is a static site: `next build` writes it to `out/`, which any static
 * host can serve. STAGES_BASE_PATH (e.g. "/tools/stages") hosts it under a
 * sub-path; it is read at build time. STAGES_TEST_HOOKS=1 builds the site
 * for tests that drive the engine directly (window.stages, the engine's
 * simulateQuota hook: see browser/engine-client.ts).
 */
const basePath = process.env.STAGES_BASE_PATH ?? "";
const { version } = JSON.parse(readFileSync(new URL("./package.json", import.meta.url), "utf8"));

/** @type {import('next').NextConfig} */
const nextConfig = {
  output: "export",
  basePath,
  images: { unoptimized: true },
  reactStrictMode: true,
  env: {
    NEXT_PUBLIC_BASE_PATH: basePath,
    NEXT_PUBLIC_APP_VERSION: version,
    NEXT_PUBLIC_STAGES_TEST_HOOKS: process.env.STAGES_TEST_HOOKS === "1" ? "1" : "0",
  },
};

export default nextConfig;
