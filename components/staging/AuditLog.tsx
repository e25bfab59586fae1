"use client";

import { useLiveQuery } from "dexie-react-hooks";
import { useEffect, useRef, useState } from "react";
import { saveBlob } from "@/browser/download";
import { formatTime } from "@/lib/format";
import { auditNdjson } from "@/lib/staging/audit";
import { stagingDb } from "@/browser/staging-store";
import { useHydrated } from "../useHydrated";

/** The append-only audit log: the latest events, and all of them as NDJSON. */
export function AuditLog() {
  const [open, setOpen] = useState(false);
  const details = useRef<HTMLDetailsElement>(null);
  const hydrated = useHydrated();
  // Opened before the page came alive (a click on the static page), the toggle event reached no handler.
  useEffect(() => setOpen(details.current?.open ?? false), []);
  return (
    <details ref={details} className="text-xs" onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary className="cursor-pointer font-semibold">Audit log</summary>
      <button
        type="button"
        disabled={!hydrated}
        className="my-1 rounded border px-2 py-0.5 focus-visible:outline-2 disabled:opacity-50"
        onClick={() =>
          void stagingDb()
            .audit.orderBy("seq")
            .toArray()
            .then((all) => saveBlob(new Blob([auditNdjson(all)], { type: "application/x-ndjson" }), "stages-audit.ndjson"))
        }
      >
        Export audit log as NDJSON
      </button>
      {/* Every step of every file adds events: closed, the log neither reads nor renders them. */}
      {open && <LatestEvents />}
    </details>
  );
}

function LatestEvents() {
  const latest = useLiveQuery(() => stagingDb().audit.orderBy("seq").reverse().limit(100).toArray(), []);
  return (
    <ol aria-label="Audit events" className="max-h-64 space-y-0.5 overflow-auto">
      {latest?.map((e) => (
        <li key={e.seq}>
          <time dateTime={e.at}>{formatTime(e.at)}</time> {e.kind} {e.file ?? ""}
          {e.dataset ? ` ${e.dataset} v${e.version}` : ""}
          {e.counts ? ` (${Object.entries(e.counts).map(([k, v]) => `${k} ${v}`).join(", ")})` : ""}
        </li>
      ))}
    </ol>
  );
}
