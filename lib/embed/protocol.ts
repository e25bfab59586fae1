import { z } from "@/lib/zod";

/**
 * The messages between a host page and Stages embedded in an iframe
 * (`/embed`), versioned and checked on both sides: a message that does not
 * parse is refused with a reason, never acted on. Nothing of the imported data
 * crosses before the user presses Submit, and then only to the host's exact
 * origin.
 */
export const EMBED_PROTOCOL = 1;
/** The largest message either side reads: a schema, or a chunk of rows. */
export const MAX_MESSAGE_CHARS = 2_000_000;
/** The rows go over in chunks of this many characters (CSV, NDJSON) or bytes (Arrow), each acknowledged before the next (back-pressure). */
export const CHUNK_CHARS = 256 * 1024;

/** The file kinds an embedding page may let its users add, by extension. */
export const EMBED_FORMATS = ["csv", "tsv", "txt", "json", "ndjson", "parquet", "xlsx", "xls", "ods", "xml", "sqlite", "db", "gpkg", "dbf", "dta", "sav", "zsav", "por", "sas7bdat", "xpt", "arrow", "arrows", "feather"] as const;

const tag = { stages: z.literal(EMBED_PROTOCOL) };

/** Host → frame. */
export const hostMessageSchema = z.discriminatedUnion("type", [
  z.object({
    ...tag,
    type: z.literal("open"),
    /** What the rows must look like: a Frictionless Table Schema (lib/standards/table-schema.ts). */
    schema: z.unknown(),
    title: z.string().max(200).optional(),
    /** Light or dark, or as the user's system is (auto). */
    theme: z.enum(["auto", "light", "dark"]).default("auto"),
    /** How the rows arrive: CSV or newline-delimited JSON text, or an Arrow IPC stream (typed columns) in byte chunks. */
    format: z.enum(["csv", "ndjson", "arrow"]).default("csv"),
    /** Rows that break a rule: left out (and counted), or included with their reasons in `_errors`. */
    invalidRows: z.enum(["reject", "include"]).default("reject"),
    /** Send the rows left out too (with their line and reasons), after the final rows. */
    sendRejected: z.boolean().default(false),
    /** The file kinds the user may add, by extension (e.g. ["csv", "xlsx"]); all Stages reads when unset. */
    formats: z.array(z.enum(EMBED_FORMATS)).min(1).optional(),
    /** The largest file the user may add, in bytes. */
    maxBytes: z.number().int().positive().optional(),
  }),
  z.object({ ...tag, type: z.literal("ack"), seq: z.number().int().nonnegative() }),
]);
export type HostMessage = z.infer<typeof hostMessageSchema>;

/** What the host gets with the rows: the counts, the file's checksum and the recipe that made them. */
export const importSummarySchema = z.object({
  fileName: z.string(),
  sha256: z.string(),
  rowsIn: z.number().int().nonnegative(),
  rejected: z.number().int().nonnegative(),
  rows: z.number().int().nonnegative(),
  columns: z.array(z.object({ name: z.string(), type: z.string() })),
  recipe: z.unknown(),
});
export type ImportSummary = z.infer<typeof importSummarySchema>;

/** Frame → host. */
export const frameMessageSchema = z.discriminatedUnion("type", [
  z.object({ ...tag, type: z.literal("ready") }),
  /** The user did not let the host receive data: nothing will come. */
  z.object({ ...tag, type: z.literal("refused"), reason: z.string() }),
  /** A message from the host was refused (malformed, too large, another version): the import goes on. */
  z.object({ ...tag, type: z.literal("invalid"), reason: z.string() }),
  z.object({ ...tag, type: z.literal("staged"), fileName: z.string(), rows: z.number().int().nonnegative() }),
  z.object({ ...tag, type: z.literal("counts"), rowsIn: z.number().int().nonnegative(), valid: z.number().int().nonnegative(), rejected: z.number().int().nonnegative() }),
  /** A piece of the rows: the final rows, or (when asked) the rejected ones after them. */
  z.object({
    ...tag,
    type: z.literal("chunk"),
    seq: z.number().int().nonnegative(),
    part: z.enum(["final", "rejected"]).default("final"),
    data: z.union([z.string().max(MAX_MESSAGE_CHARS), z.instanceof(Uint8Array).refine((bytes) => bytes.byteLength <= MAX_MESSAGE_CHARS, "too many bytes")]),
  }),
  /** The user stopped the import in the frame: nothing more will come. */
  z.object({ ...tag, type: z.literal("cancelled") }),
  z.object({ ...tag, type: z.literal("done"), summary: importSummarySchema }),
  z.object({ ...tag, type: z.literal("error"), message: z.string() }),
]);
export type FrameMessage = z.infer<typeof frameMessageSchema>;

/** A message as one side received it: parsed, or why it is refused (too big, not Stages', not this version, malformed). */
export function readMessage<T extends z.ZodType>(schema: T, data: unknown): { ok: true; message: z.infer<T> } | { ok: false; reason: string } {
  let size: number;
  let bytes = 0;
  try {
    // Bytes (an Arrow chunk) count as their length, not as JSON would spell them.
    size = (JSON.stringify(data, (_key, value: unknown) => (value instanceof Uint8Array ? ((bytes += value.byteLength), 0) : value))?.length ?? 0) + bytes;
  } catch {
    return { ok: false, reason: "The message cannot be read as data." };
  }
  if (size > MAX_MESSAGE_CHARS) return { ok: false, reason: `The message is too large (${size} characters, at most ${MAX_MESSAGE_CHARS}).` };
  const tagged = data as { stages?: unknown } | null;
  if (typeof tagged !== "object" || tagged === null || tagged.stages === undefined) return { ok: false, reason: "The message is not a Stages message." };
  if (tagged.stages !== EMBED_PROTOCOL) return { ok: false, reason: `The message speaks version ${String(tagged.stages)} of the protocol; this is version ${EMBED_PROTOCOL}.` };
  const parsed = schema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return { ok: false, reason: `The message is malformed: ${issue.path.join(".") || "message"}: ${issue.message}` };
  }
  return { ok: true, message: parsed.data };
}

/** Whether a host origin may receive data without asking: one of the build's allow-list, exactly (scheme, host and port). */
export const originAllowed = (origin: string, allowed: readonly string[]): boolean => allowed.some((a) => a === origin);

/** The build's allow-list of host origins (NEXT_PUBLIC_STAGES_EMBED_ORIGINS, comma-separated). */
export const allowListOf = (text: string | undefined): string[] =>
  (text ?? "")
    .split(",")
    .map((o) => o.trim())
    .filter((o) => /^https?:\/\/[^/\s]+$/.test(o));
