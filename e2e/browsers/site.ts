import { serve } from "../../scripts/static-server.mjs";

/** The production build (`out/`) served on a port of its own (STAGES_TEST_PORT + `offset`), for a browser driven outside Playwright. */
export async function serveSite(offset: number): Promise<{ base: string; stop: () => void }> {
  const { url, stop } = await serve("out", Number(process.env.STAGES_TEST_PORT ?? 3100) + offset);
  return { base: url, stop };
}
