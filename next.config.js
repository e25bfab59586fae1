import { readFileSync } from "node:fs";

/**
 * Stages is a static site: `next build` writes it to `out/`, which any static
 * host can serve. STAGES_BASE_PATH (e.g. "/tools/stages") hosts it under a
 * sub-path; it is read at build time.
 */
const basePath = process.env.STAGES_BASE_PATH ?? "";
const { version } = JSON.parse(readFileSync(new URL("./package.json", import.meta.url), "utf8"));

/** @type {import('next').NextConfig} */
const nextConfig = {
  output: "export",
  basePath,
  images: { unoptimized: true },
  reactStrictMode: true,
  env: { NEXT_PUBLIC_BASE_PATH: basePath, NEXT_PUBLIC_APP_VERSION: version },
};

export default nextConfig;
