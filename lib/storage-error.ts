/**
 * The browser refusing a write because the origin's storage quota is used
 * up: IndexedDB and OPFS raise a QuotaExceededError (Dexie wraps it in
 * `inner`); DuckDB passes the text of it along in its own error.
 */
export function isQuotaError(error: unknown): boolean {
  const e = error as { name?: string; message?: string; inner?: { name?: string } } | null;
  if (e?.name === "QuotaExceededError" || e?.inner?.name === "QuotaExceededError") return true;
  return /QuotaExceeded|quota (has been )?exceeded/i.test(String(e?.message ?? error ?? ""));
}

export function quotaMessage(what: string): string {
  return `There is not enough browser storage to ${what}. Remove staged files or dataset versions, then try again. Nothing was kept.`;
}
