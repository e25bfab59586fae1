import { UTF8_MARK } from "@/lib/bytes";
import { linesAt } from "@/lib/csv/blob-lines";
import type { LineNote, TypeFinding } from "@/lib/csv/findings";
import { sameFields } from "@/lib/csv/layout";
import { strayQuoteRow } from "@/lib/csv/quoted-rows";
import { HEADING, headingTest } from "@/lib/csv/headings";
import { rowBeforeHeader } from "@/lib/csv/joined-header";
import { joinFields, splitFields } from "@/lib/csv/records";
import { repairChunk, type ChunkOutcome, type RepairContext } from "@/lib/csv/repair";
import { locate, type Splice } from "./splice";

/**
 * One round of mending what DuckDB rejected from a body of CSV text. A line
 * that only failed a cast keeps its place, and its column becomes text; any
 * other rejected stretch is mended by `repairChunk` (or, in the last round,
 * set aside whole) and written back as the same number of lines, a line set
 * aside as a blank one, so that line numbers hold.
 */
export interface Rejected {
  pos: number;
  text: string;
  /** Error types, one per line. */
  errors: string;
  /** Columns of cast errors, one per line, or null. */
  cast_columns: string | null;
}

export interface Mended {
  edits: Splice[];
  notes: LineNote[];
  casts: { column: string; type: string; line: number; value: string }[];
}

export const REPEATED_HEADER = "the header again (files joined end to end?)";
const HEADER_RUN_IN = "the header again, run into the end of this row (files joined end to end, the first without a line end), left out";
export const MARK_AT_START = "a byte-order mark at its start left out (files joined end to end, each with its mark?)";

const describeErrors = (errors: string) => errors.replaceAll("\n", ", ").toLowerCase();

/** Where a rejected stretch is: its first line in the file, and the byte where its text starts in the body. */
export interface RejectedAt {
  line: number;
  start: number;
  /** Line ends DuckDB put before its text: the end of the line before (the LF of a CRLF), or a blank line. */
  lead: number;
}

/** Where each rejected stretch is (the body starts after `linesBefore` lines). */
export async function rejectedLines(body: Blob, rejected: readonly Rejected[], linesBefore: number): Promise<Map<Rejected, RejectedAt>> {
  const found: { r: Rejected; lead: number; start: number }[] = [];
  for (const r of rejected) {
    const lead = /^[\r\n]*/.exec(r.text)![0].length;
    found.push({ r, lead, start: (await locate(body, r.pos, r.text)) + lead });
  }
  const at = await linesAt(body, found.map((f) => f.start));
  return new Map(found.map(({ r, lead, start }) => [r, { line: linesBefore + (at.get(start) ?? 0) + 1, start, lead }]));
}

export function stopMessage(r: Rejected, line: number): string {
  const shown = r.text.replace(/^[\r\n]+/, "").replace(/[\r\n]+$/, "").slice(0, 80);
  return `Line ${line} does not fit the table (${describeErrors(r.errors)}): "${shown}". Choose “Set aside the lines that do not fit” to stage the rest.`;
}

export interface Column {
  name: string;
  type: string;
}

export async function mend(body: Blob, rejected: readonly Rejected[], where: Map<Rejected, RejectedAt>, ctx: RepairContext, columns: readonly Column[], lastRound: boolean, header: readonly string[] = []): Promise<Mended> {
  const out: Mended = { edits: [], notes: [], casts: [] };
  for (const r of rejected) {
    // DuckDB may end the line before at its CR (the LF of that CRLF then starts the text), or start with a blank line: those stay as they are.
    const { line, start, lead } = where.get(r)!;
    const text = r.text.slice(lead);
    const fields = splitFields(text, ctx.dialect).fields;
    // The header again, in the middle of the rows (files joined end to end): set aside, not a value that makes its columns text.
    const repeatsHeader = header.length > 0 && sameFields(fields, header);
    // A stray quote that took the lines after it into one value fails a cast too: mended, not a reason to make a column text.
    const textLines = text.split(/\r\n|\n|\r/);
    const swallowed = /[\r\n]/.test(text.trim()) && strayQuoteRow(textLines[0]!, ctx.dialect, ctx.width);
    // A heading (a page's title again, "Page 2"): set aside, not a value that makes the first column text.
    const heading = !repeatsHeader && textLines.length === 1 && headingTest(ctx.dialect, ctx.width, ctx.shapes)(text);
    // A byte-order mark starting a row below the first (headerless files joined end to end, each with its mark): the row without it.
    // DuckDB gives the row's text without it (where it found the row, the mark starts), and its first value fails its column's type.
    const marked = !lastRound && !repeatsHeader && !heading && textLines.length === 1 && (await markAt(body, start));
    if (!marked && !repeatsHeader && !heading && !swallowed && r.errors.split("\n").every((e) => e === "CAST")) {
      for (const name of r.cast_columns?.split("\n") ?? []) {
        const at = columns.findIndex((c) => c.name === name);
        out.casts.push({ column: name, type: columns[at]?.type ?? "VARCHAR", line, value: fields[at] ?? "" });
      }
      continue;
    }
    // The header run into the end of a row (the first of the files joined did not end its last line): the row alone.
    const beforeHeader = header.length > 0 && textLines.length === 1 ? rowBeforeHeader(fields, header, ctx.dialect.quote) : null;
    const outcomes: ChunkOutcome[] = repeatsHeader || heading
      ? [{ kind: "setAside", reason: heading ? HEADING : REPEATED_HEADER, lines: textLines.length, text }]
      : marked
        ? [{ kind: "row", fields, repair: MARK_AT_START, lines: 1, text }]
        : lastRound
        ? [{ kind: "setAside", reason: describeErrors(r.errors), lines: textLines.length, text }]
        : beforeHeader
          ? [{ kind: "row", fields: beforeHeader, repair: HEADER_RUN_IN, lines: 1, text }]
          : repairChunk(text, ctx);
    const end = start + (marked ? UTF8_MARK.length : 0) + new TextEncoder().encode(text).length;
    out.edits.push({ start, end, text: rewrite(text, outcomes, ctx, line, out.notes) });
  }
  return out;
}

/** Whether a byte-order mark starts at `start` in the body. */
async function markAt(body: Blob, start: number): Promise<boolean> {
  const bytes = new Uint8Array(await body.slice(start, start + UTF8_MARK.length).arrayBuffer());
  return UTF8_MARK.every((b, i) => bytes[i] === b);
}

/** The text that replaces a rejected stretch: mended rows in the file's dialect and line ends, blank lines for the rest. */
function rewrite(raw: string, outcomes: readonly ChunkOutcome[], ctx: RepairContext, firstLine: number, notes: LineNote[]): string {
  const newline = raw.includes("\r\n") ? "\r\n" : "\n";
  let line = firstLine;
  let text = "";
  for (const outcome of outcomes) {
    if (outcome.kind === "row") {
      text += joinFields(outcome.fields, ctx.dialect).replace(/\n$/, newline);
      if (outcome.repair) notes.push({ line, status: "repaired", reason: outcome.repair, text: outcome.text });
    } else {
      text += newline.repeat(outcome.lines);
      if (outcome.kind === "setAside") notes.push({ line, status: "set aside", reason: outcome.reason, text: outcome.text });
    }
    line += outcome.lines;
  }
  return /[\r\n]$/.test(raw) ? text : text.replace(/\r?\n$/, "");
}

/** Cast failures gathered per column, with the type the column had (at most 100 values each). */
export function typeFindings(casts: readonly Mended["casts"][number][]): TypeFinding[] {
  const found = new Map<string, TypeFinding>();
  for (const c of casts) {
    const finding = found.get(c.column) ?? { column: c.column, type: c.type, values: [] };
    if (finding.values.length < 100) finding.values.push({ line: c.line, value: c.value });
    found.set(c.column, finding);
  }
  return [...found.values()];
}
