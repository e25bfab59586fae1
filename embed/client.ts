import { EMBED_PROTOCOL, frameMessageSchema, readMessage, type FrameMessage, type HostMessage, type ImportSummary } from "@/lib/embed/protocol";

export type { ImportSummary } from "@/lib/embed/protocol";

export interface ImporterOptions {
  /** Where Stages is served (its /embed page); its origin is the only one listened to. */
  src: string;
  /** What the rows must look like: a Frictionless Table Schema. */
  schema: unknown;
  title?: string;
  /** Light or dark, or as the user's system is ("auto", the default). */
  theme?: "auto" | "light" | "dark";
  /** How the rows arrive: CSV or NDJSON text (`text`), or an Arrow IPC stream of typed columns (`bytes`, e.g. for apache-arrow's `tableFromIPC`). */
  format?: "csv" | "ndjson" | "arrow";
  invalidRows?: "reject" | "include";
  /** Also receive the rows left out (with their line and reasons), as `rejected`. */
  sendRejected?: boolean;
  /** The file kinds the user may add, by extension. */
  formats?: ("csv" | "tsv" | "txt" | "json" | "ndjson" | "parquet" | "xlsx" | "xls" | "ods" | "xml" | "sqlite" | "db" | "gpkg" | "dbf" | "dta" | "sav" | "zsav" | "por" | "sas7bdat" | "xpt" | "arrow" | "arrows" | "feather")[];
  /** The largest file the user may add, in bytes. */
  maxBytes?: number;
  /** Each event from the importer (ready, staged, counts, chunk, invalid, refused, error), and messages refused here ("invalid" too). */
  onEvent?: (event: FrameMessage | { type: "invalid"; reason: string }) => void;
}

export interface ImportResult {
  /** The final rows, as the chosen format's text (CSV, NDJSON), assembled from the chunks; empty for Arrow. */
  text: string;
  /** The final rows as an Arrow IPC stream (format "arrow"). */
  bytes?: Uint8Array;
  /** The rows left out, when asked for (`sendRejected`): text, or an Arrow IPC stream. */
  rejected?: string | Uint8Array;
  summary: ImportSummary;
}

/** Chunks put back together: text joined, bytes concatenated. */
function assemble(chunks: (string | Uint8Array)[]): string | Uint8Array {
  if (chunks.every((c) => typeof c === "string")) return chunks.join("");
  const bytes = new Uint8Array(chunks.reduce((n, c) => n + (c as Uint8Array).byteLength, 0));
  let at = 0;
  for (const c of chunks as Uint8Array[]) {
    bytes.set(c, at);
    at += c.byteLength;
  }
  return bytes;
}

/**
 * Open Stages' importer in `frame` and wait for what the user submits. Only
 * messages from that frame, from Stages' origin, that parse as the protocol
 * are read; every chunk is acknowledged, which lets the importer send the
 * next. Rejects when the user refuses, or the importer reports an error.
 */
export function openImporter(frame: HTMLIFrameElement, options: ImporterOptions): { result: Promise<ImportResult>; close: () => void } {
  const origin = new URL(options.src, window.location.href).origin;
  const chunks: Record<"final" | "rejected", (string | Uint8Array)[]> = { final: [], rejected: [] };
  let close = () => undefined as void;
  const result = new Promise<ImportResult>((resolve, reject) => {
    const post = (message: HostMessage) => frame.contentWindow?.postMessage(message, origin);
    const onMessage = (event: MessageEvent) => {
      if (event.source !== frame.contentWindow) return;
      if (event.origin !== origin) return options.onEvent?.({ type: "invalid", reason: `A message from ${event.origin}, not ${origin}.` });
      const read = readMessage(frameMessageSchema, event.data);
      if (!read.ok) return options.onEvent?.({ type: "invalid", reason: read.reason });
      const message = read.message;
      options.onEvent?.(message);
      if (message.type === "ready") {
        post({
          stages: EMBED_PROTOCOL,
          type: "open",
          schema: options.schema,
          title: options.title,
          theme: options.theme ?? "auto",
          format: options.format ?? "csv",
          invalidRows: options.invalidRows ?? "reject",
          sendRejected: options.sendRejected ?? false,
          ...(options.formats ? { formats: options.formats } : {}),
          ...(options.maxBytes ? { maxBytes: options.maxBytes } : {}),
        });
      } else if (message.type === "chunk") {
        chunks[message.part].push(message.data);
        post({ stages: EMBED_PROTOCOL, type: "ack", seq: message.seq });
      } else if (message.type === "done") {
        close();
        const final = assemble(chunks.final);
        resolve({
          text: typeof final === "string" ? final : "",
          ...(typeof final === "string" ? {} : { bytes: final }),
          ...(chunks.rejected.length ? { rejected: assemble(chunks.rejected) } : {}),
          summary: message.summary,
        });
      } else if (message.type === "refused" || message.type === "error" || message.type === "cancelled") {
        close();
        reject(new Error(message.type === "refused" ? message.reason : message.type === "error" ? message.message : "The user cancelled the import."));
      }
    };
    close = () => window.removeEventListener("message", onMessage);
    window.addEventListener("message", onMessage);
    frame.src = options.src;
  });
  return { result, close: () => close() };
}
