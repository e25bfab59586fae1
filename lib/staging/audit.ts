/**
 * The audit log: append-only, one event per add, read, validation,
 * promotion and deletion, with the time, the file's checksum and the counts.
 */
export type AuditKind = "add" | "read" | "validate" | "promote" | "delete-file" | "delete-version" | "drift";

export interface AuditEvent {
  seq?: number;
  at: string;
  kind: AuditKind;
  file?: string;
  sha256?: string;
  dataset?: string;
  version?: number;
  counts?: Record<string, number>;
  detail?: string;
}

/** The log as NDJSON, oldest first. */
export function auditNdjson(events: readonly AuditEvent[]): string {
  return events.map((e) => JSON.stringify(e)).join("\n") + (events.length ? "\n" : "");
}
