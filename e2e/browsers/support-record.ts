import { mkdirSync, writeFileSync } from "node:fs";

/** What a test run found about one browser, for the README's support table (scripts/support-table.mjs). */
export interface SupportRecord {
  browser: string;
  version: string;
  /** The app's storage note, or null when it had every storage feature. */
  storageNote: string | null;
}

export function recordSupport(name: string, record: SupportRecord): void {
  mkdirSync(".reports/browsers", { recursive: true });
  writeFileSync(`.reports/browsers/${name}.json`, `${JSON.stringify(record, null, 2)}\n`);
}
