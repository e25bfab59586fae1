// Build scripts run the same pure functions the unit tests cover: a TypeScript module of lib/,
// bundled for Node into a scratch directory and imported from there.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "rolldown";

const root = fileURLToPath(new URL("..", import.meta.url));

/** The exports of `module` (a path from the project's root, e.g. "lib/offline/precache.ts"). */
export async function importLib(module) {
  const scratch = mkdtempSync(join(tmpdir(), "stages-lib-"));
  try {
    await build({ input: join(root, module), platform: "node", resolve: { alias: { "@": root.replace(/\/$/, "") } }, output: { file: join(scratch, "module.mjs"), format: "esm" }, logLevel: "silent" });
    return await import(join(scratch, "module.mjs"));
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}
