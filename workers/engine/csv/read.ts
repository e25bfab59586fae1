import { accountLines, type LineAccount } from "@/lib/csv/accounting";
import { countLines, lineRanges, linesAt } from "@/lib/csv/blob-lines";
import { detectLayout, type Layout } from "@/lib/csv/layout";
import { columnNames, csvReadCall, rejectedLinesSql, type CsvReadPlan } from "@/lib/csv/read-sql";
import { joinFields, splitFields, trimAroundDelimiters } from "@/lib/csv/records";
import { repairChunk } from "@/lib/csv/repair";
import { ident, literal } from "@/lib/sql/quote";
import type { ParseOptions } from "@/lib/staging/parse-options";
import type { CsvEngine } from "./engine";
import { sampleText } from "./sample";

/**
 * Reading a CSV file so that it stages on the first try. Its layout (dialect,
 * lines above and below the table, header) comes from its first and last
 * lines; DuckDB reads the body between them. A clean file is read once. When
 * DuckDB rejects lines, each is mended where one mend fits (or set aside
 * with the reason) and spliced into a new blob of slices of the old one (no
 * copy), which is read again; a value that does not fit its column's type
 * makes that column text, and is reported, never a reason to drop its row.
 */
export interface LineNote {
  line: number;
  status: "set aside" | "repaired";
  reason: string;
  text: string;
}

export interface TypeFinding {
  column: string;
  type: string;
  values: { line: number; value: string }[];
}

export interface CsvRead {
  /** The options as used: detected values filled in where the user left them unset. */
  options: ParseOptions;
  notes: LineNote[];
  typeFindings: TypeFinding[];
  lines: LineAccount;
  secondTable: Layout["secondTable"];
  lenient: boolean;
  /** The format DuckDB's sniffer read DATE columns with. */
  dateFormat?: string;
}

export const MAX_LINE_BYTES = 32 * 1024 * 1024;
const MAX_ROUNDS = 4;
const TRIM_IN_TEXT_BYTES = 64 * 1024 * 1024;

export class CsvStopped extends Error {
  constructor(readonly line: number, readonly column: string | undefined, message: string) {
    super(message);
  }
}

export async function readCsv(engine: CsvEngine, text: Blob, options: ParseOptions, table: string, path: string): Promise<CsvRead> {
  const counting = countLines(text);
  const sample = await sampleText(text);
  const given = { delimiter: options.delimiter === "\\t" ? "\t" : options.delimiter, quote: options.quote, escape: options.escape };
  const layout = detectLayout(sample, Object.fromEntries(Object.entries(given).filter(([, v]) => v !== undefined)));
  const used: ParseOptions = {
    ...options,
    delimiter: options.delimiter ?? (layout.dialect.delimiter === "\t" ? "\\t" : layout.dialect.delimiter),
    quote: options.quote ?? layout.dialect.quote,
    escape: options.escape ?? layout.dialect.escape,
    header: options.header ?? layout.header,
    skip: options.skip ?? layout.preamble,
    headerLines: options.headerLines ?? layout.headerLines,
    notes: options.notes ?? layout.notes,
    comment: options.comment ?? layout.comment ?? undefined,
    trimSpaces: options.trimSpaces ?? layout.trimSpaces,
    trailingDelimiter: options.trailingDelimiter ?? layout.trailingDelimiter,
  };
  const dialect = { delimiter: used.delimiter === "\\t" ? "\t" : used.delimiter!, quote: used.quote!, escape: used.escape! };
  const preamble = used.skip!;
  const headerLines = used.header ? used.headerLines! : 0;
  const headerFields = used.header ? splitFields(sample.head[preamble] ?? "", dialect).fields.map((f) => (used.trimSpaces ? f.trim() : f)) : [];
  // A two-line header: DuckDB reads the body after it, with the names of its first line.
  const namesGiven = headerLines === 2 ? columnNames(headerFields) : undefined;
  const bodyStart = sample.headBytes(preamble + (headerLines === 2 ? 2 : 0));
  const bodyEnd = Math.max(bodyStart, text.size - sample.tailBytes(used.notes!));
  const firstLine = preamble + (headerLines === 2 ? 2 : 0); // lines before the body
  let body = text.slice(bodyStart, bodyEnd);
  if (used.edits.length) body = await applyEdits(body, used.edits, firstLine);
  // Padding around delimiters hides types from the sniffer: take it off before DuckDB reads (a bigger file is trimmed in SQL after).
  if (used.trimSpaces && body.size <= TRIM_IN_TEXT_BYTES) body = new Blob([trimAroundDelimiters(await body.text(), dialect)]);

  const width = Math.max(layout.width, headerFields.length);
  const ctx = { dialect, width: layout.width, shapes: layout.shapes };
  const notes = new Map<number, LineNote>();
  const castColumns = new Map<string, TypeFinding>();
  let plan: CsvReadPlan = {
    path, dialect, header: headerLines === 1, names: namesGiven, comment: used.comment, strict: true, sniff: true,
    types: { ...used.types }, dateFormat: used.dateFormat, rejects: `${path.replace(/\W/g, "_")}_rejects`, maxLineBytes: MAX_LINE_BYTES,
  };
  let lenient = false;
  for (let round = 0; ; round++) {
    if (round > MAX_ROUNDS) throw new Error("The file could not be read the same way twice.");
    const name = `${path}.${round}`;
    await engine.register(name, body);
    // Each round starts strict and sniffing again: mended text may read where the raw text could not.
    plan = { ...plan, path: name, strict: true, sniff: true, names: namesGiven };
    try {
      plan = await createTable(engine, table, plan, width, headerFields);
    } finally {
      await engine.unregister(name).catch(() => undefined);
    }
    lenient ||= !plan.strict;
    const rejected = await engine.rows(rejectedLinesSql(plan.rejects));
    await engine.rows(`DROP TABLE IF EXISTS ${ident(plan.rejects)}`);
    await engine.rows(`DROP TABLE IF EXISTS ${ident(`${plan.rejects}_scan`)}`);
    if (rejected.length === 0) break;
    const at = await linesAt(body, rejected.map((r) => Number(r.pos)));
    const lineOf = (r: Record<string, unknown>) => firstLine + (at.get(Number(r.pos)) ?? 0) + 1;
    if (options.badLines === "stop") {
      const first = rejected[0]!;
      throw new CsvStopped(lineOf(first), undefined, `Line ${lineOf(first)} does not fit the table (${String(first.errors).replaceAll("\n", ", ").toLowerCase()}): "${String(first.text).slice(0, 80)}". Choose “Set aside lines that do not fit” to stage the rest.`);
    }
    const described = await engine.rows(`DESCRIBE ${ident(table)}`);
    const typeOf = new Map(described.map((d) => [String(d.column_name), String(d.column_type)]));
    const edits: { start: number; end: number; text: string }[] = [];
    for (const r of rejected) {
      const line = lineOf(r);
      const errors = String(r.errors ?? "").split("\n");
      if (errors.every((e) => e === "CAST")) {
        for (const column of r.cast_columns ? String(r.cast_columns).split("\n") : []) {
          const finding = castColumns.get(column) ?? { column, type: typeOf.get(column) ?? "VARCHAR", values: [] };
          const index = [...typeOf.keys()].indexOf(column);
          if (finding.values.length < 100) finding.values.push({ line, value: splitFields(String(r.text), dialect).fields[index] ?? "" });
          castColumns.set(column, finding);
        }
        continue;
      }
      const raw = String(r.text);
      const start = await locate(body, Number(r.pos), raw);
      const end = start + new TextEncoder().encode(raw).length;
      const newline = raw.includes("\r\n") ? "\r\n" : "\n";
      let lineNo = line;
      const parts: string[] = [];
      for (const outcome of round < MAX_ROUNDS - 1 ? repairChunk(raw, ctx) : [{ kind: "setAside" as const, reason: String(r.errors).replaceAll("\n", ", ").toLowerCase(), lines: raw.split(/\r\n|\n|\r/).length, text: raw }]) {
        if (outcome.kind === "row") {
          parts.push(joinFields(outcome.fields, dialect).replace(/\n$/, newline));
          if (outcome.repair) notes.set(lineNo, { line: lineNo, status: "repaired", reason: outcome.repair, text: outcome.text });
        } else {
          parts.push(newline.repeat(outcome.lines));
          if (outcome.kind === "setAside") notes.set(lineNo, { line: lineNo, status: "set aside", reason: outcome.reason, text: outcome.text });
        }
        lineNo += outcome.lines;
      }
      let replacement = parts.join("");
      if (!/[\r\n]$/.test(raw)) replacement = replacement.replace(/\r?\n$/, "");
      edits.push({ start, end, text: replacement });
    }
    plan = { ...plan, types: { ...plan.types, ...Object.fromEntries([...castColumns.keys()].map((c) => [c, "VARCHAR"])) } };
    body = splice(body, edits);
  }
  const dateFormat = used.dateFormat ?? (await sniffedDateFormat(engine, table, body, plan));
  await finish(engine, table, used);
  const rows = Number((await engine.rows(`SELECT count(*)::BIGINT AS n FROM ${ident(table)}`))[0]?.n ?? 0);
  const counted = await counting;
  const setAside = [...notes.values()].filter((n) => n.status === "set aside").length;
  const blank = counted.blank - sample.blankInHead(preamble) - sample.blankInTail(used.notes!);
  const account = { total: counted.lines, preamble, header: headerLines, notes: used.notes!, blank, setAside, rows, repaired: notes.size - setAside };
  let rowLines = account.total - preamble - headerLines - account.notes - blank - setAside;
  if (rowLines !== rows) rowLines = rows + (await lineEndsInValues(engine, table));
  return {
    options: used,
    notes: [...notes.values()].sort((a, b) => a.line - b.line),
    typeFindings: [...castColumns.values()],
    lines: accountLines({ ...account, rowLines }),
    secondTable: layout.secondTable,
    lenient,
    dateFormat,
  };
}

/** Read the body into the table; a file DuckDB's sniffer cannot make sense of is read leniently, then with every column as text. */
async function createTable(engine: CsvEngine, table: string, plan: CsvReadPlan, width: number, headerFields: readonly string[]): Promise<CsvReadPlan> {
  const attempts: CsvReadPlan[] = [plan];
  if (plan.strict) attempts.push({ ...plan, strict: false });
  const names = plan.names ?? (headerFields.length ? columnNames(headerFields) : Array.from({ length: width }, (_, i) => `column${i}`));
  if (plan.sniff) attempts.push({ ...plan, strict: false, sniff: false, names: names.length >= width ? names : [...names, ...columnNames(Array(width).fill("")).slice(names.length)] });
  let last: unknown;
  for (const attempt of attempts) {
    try {
      await engine.rows(`CREATE OR REPLACE TABLE ${ident(table)} AS SELECT * FROM ${csvReadCall(attempt)}`);
      return attempt;
    } catch (error) {
      last = error;
      if (!/sniff|state machine|invalid state|Error when/i.test(String((error as Error)?.message ?? error))) throw error;
    }
  }
  throw last;
}

/** The date format the sniffer chose, when the table has DATE columns (a sample, not a scan). */
async function sniffedDateFormat(engine: CsvEngine, table: string, body: Blob, plan: CsvReadPlan): Promise<string | undefined> {
  if (!plan.sniff || !(await engine.rows(`DESCRIBE ${ident(table)}`)).some((d) => d.column_type === "DATE")) return undefined;
  const name = `${plan.path}.sniff`;
  await engine.register(name, body);
  try {
    const d = plan.dialect;
    const [row] = await engine.rows(`SELECT DateFormat FROM sniff_csv(${literal(name)}, delim = ${literal(d.delimiter)}, quote = ${literal(d.quote)}, escape = ${literal(d.escape)}, header = ${plan.header}, ignore_errors = true)`);
    return (row?.DateFormat as string | null) || undefined;
  } catch {
    return undefined;
  } finally {
    await engine.unregister(name).catch(() => undefined);
  }
}

/** Drop an empty column made by a delimiter ending every line; trim padding around delimiters. */
async function finish(engine: CsvEngine, table: string, used: ParseOptions): Promise<void> {
  const columns = (await engine.rows(`DESCRIBE ${ident(table)}`)).map((d) => ({ name: String(d.column_name), type: String(d.column_type) }));
  const last = columns[columns.length - 1];
  if (used.trailingDelimiter && last && columns.length > 1) {
    const [row] = await engine.rows(`SELECT count(${ident(last.name)})::BIGINT AS n FROM ${ident(table)}`);
    if (Number(row?.n) === 0) {
      await engine.rows(`ALTER TABLE ${ident(table)} DROP COLUMN ${ident(last.name)}`);
      columns.pop();
    }
  }
  if (used.trimSpaces && columns.some((c) => c.type === "VARCHAR" || c.name !== c.name.trim())) {
    const list = columns.map((c) => `${c.type === "VARCHAR" ? `trim(${ident(c.name)})` : ident(c.name)} AS ${ident(c.name.trim())}`).join(", ");
    await engine.rows(`CREATE OR REPLACE TABLE ${ident(table)} AS SELECT ${list} FROM ${ident(table)}`);
  }
}

/** Line ends inside text values: the rows that span more than one line. */
async function lineEndsInValues(engine: CsvEngine, table: string): Promise<number> {
  const text = (await engine.rows(`DESCRIBE ${ident(table)}`)).filter((d) => d.column_type === "VARCHAR").map((d) => ident(String(d.column_name)));
  if (text.length === 0) return 0;
  const occurrences = (c: string, s: string) => `coalesce(sum((length(${c}) - length(replace(${c}, ${s}, ''))) // length(${s})), 0)`;
  const ends = (c: string) => `${occurrences(c, "chr(10)")} + ${occurrences(c, "chr(13)")} - ${occurrences(c, "chr(13) || chr(10)")}`;
  const [row] = await engine.rows(`SELECT (${text.map(ends).join(" + ")})::BIGINT AS n FROM ${ident(table)}`);
  return Number(row?.n ?? 0);
}

/**
 * Where a rejected line starts: DuckDB's line_byte_position points one byte
 * past the start in DuckDB-WASM 1.32 (measured); check the bytes around it.
 */
async function locate(body: Blob, reported: number, text: string): Promise<number> {
  const bytes = new TextEncoder().encode(text.slice(0, 256));
  for (const at of [reported - 1, reported, reported - 2, reported + 1]) {
    if (at < 0) continue;
    const found = new Uint8Array(await body.slice(at, at + bytes.length).arrayBuffer());
    if (found.length === bytes.length && found.every((b, i) => b === bytes[i])) return at;
  }
  return reported - 1;
}

/** A blob with byte ranges replaced: slices of the old one and the new text, nothing copied. */
function splice(blob: Blob, edits: readonly { start: number; end: number; text: string }[]): Blob {
  const parts: BlobPart[] = [];
  let at = 0;
  for (const e of [...edits].sort((a, b) => a.start - b.start)) {
    parts.push(blob.slice(at, e.start), e.text);
    at = e.end;
  }
  parts.push(blob.slice(at));
  return new Blob(parts);
}

/** The user's rewritten lines, in place of the lines they were. */
async function applyEdits(body: Blob, edits: ParseOptions["edits"], firstLine: number): Promise<Blob> {
  const ranges = await lineRanges(body, edits.map((e) => e.line - firstLine - 1));
  return splice(
    body,
    edits.flatMap((e) => {
      const range = ranges.get(e.line - firstLine - 1);
      return range ? [{ ...range, text: e.text.replace(/\r\n|\r|\n/g, " ") }] : [];
    }),
  );
}
