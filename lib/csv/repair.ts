import { records, splitFields, splitInnerQuotes, splitPlain, type Dialect } from "./records";
import { isRow, joinsRows, MAX_QUOTES, quotesIn, strayQuoteRow } from "./quoted-rows";
import { fitScore, fits, type ColumnShapes } from "./shapes";

/**
 * Mending a line the reader could not take, from what the rest of the file
 * looks like: a stray quote read as text, a row in another delimiter, a
 * space that stood for a delimiter, two values run together or one split in
 * two where only one way of mending fits every column, missing values at the
 * end padded, a trailing delimiter dropped. A line no single mend explains is
 * set aside with the reason.
 */
export type LineOutcome =
  | { kind: "row"; fields: string[]; repair?: string }
  | { kind: "setAside"; reason: string };

/** What became of each record of a rejected stretch of text, and how many physical lines it spans. */
export type ChunkOutcome = (LineOutcome | { kind: "blank" }) & { lines: number; text: string };

export interface RepairContext {
  dialect: Dialect;
  width: number;
  shapes: readonly ColumnShapes[];
}

const valuesWhere = (n: number, width: number) => `${n} value${n === 1 ? "" : "s"} where the header has ${width}`;
const OTHER_DELIMITERS = [",", ";", "\t", "|"];
const label = (d: string) => (d === "\t" ? "tab" : `"${d}"`);
const allFit = (fields: readonly string[], ctx: RepairContext) => fields.every((v, c) => fits(ctx.shapes[c], v));
const score = (fields: readonly string[], ctx: RepairContext) => fields.reduce((s, v, c) => s + fitScore(ctx.shapes[c], v), 0);

/** Of several candidate rows, the single best that fits every column; none when two tie. */
function unique(candidates: { fields: string[]; repair: string }[], ctx: RepairContext): { fields: string[]; repair: string } | null {
  const fitting = candidates.filter((c) => allFit(c.fields, ctx)).map((c) => ({ ...c, s: score(c.fields, ctx) }));
  if (fitting.length === 0) return null;
  fitting.sort((a, b) => b.s - a.s);
  if (fitting.length > 1 && fitting[1]!.s === fitting[0]!.s) return null;
  return fitting[0]!;
}

/** A quote that makes a value misfit its column, where the value fits without it, is dropped. */
function dropStrayQuotes(fields: string[], ctx: RepairContext): { fields: string[]; dropped: boolean } {
  const q = ctx.dialect.quote;
  let dropped = false;
  const out = fields.map((v, c) => {
    const without = q ? v.replaceAll(q, "") : v;
    if (without === v || fits(ctx.shapes[c], v) || !fits(ctx.shapes[c], without)) return v;
    dropped = true;
    return without;
  });
  return { fields: out, dropped };
}

export function repairFields(input: string[], ctx: RepairContext, text: string): LineOutcome {
  const { width } = ctx;
  const { fields, dropped } = dropStrayQuotes(input, ctx);
  if (dropped) {
    const mended = repairFields(fields, { ...ctx, dialect: { ...ctx.dialect, quote: "" } }, text);
    return mended.kind === "row" ? { ...mended, repair: mended.repair ? `a stray quote dropped; ${mended.repair}` : "a stray quote dropped" } : mended;
  }
  if (fields.length === width) return { kind: "row", fields };
  if (fields.length === 1 || fields.length < width / 2) {
    for (const other of OTHER_DELIMITERS.filter((d) => d !== ctx.dialect.delimiter)) {
      const parsed = splitFields(text, { ...ctx.dialect, delimiter: other });
      if (parsed.fields.length === width && !parsed.open && allFit(parsed.fields, ctx)) return { kind: "row", fields: parsed.fields, repair: `read with ${label(other)} as the delimiter` };
    }
  }
  if (fields.length > width) {
    if (fields.length === width + 1 && fields[width]!.trim() === "") return { kind: "row", fields: fields.slice(0, width), repair: "a trailing delimiter dropped" };
    if (fields.length === width + 1) {
      const merged = unique(
        fields.slice(0, -1).map((_, i) => ({
          fields: [...fields.slice(0, i), fields[i]! + ctx.dialect.delimiter + fields[i + 1]!, ...fields.slice(i + 2)],
          repair: `"${fields[i]}${ctx.dialect.delimiter}${fields[i + 1]}" read as one value`,
        })),
        ctx,
      );
      if (merged) return { kind: "row", ...merged };
    }
    return { kind: "setAside", reason: valuesWhere(fields.length, width) };
  }
  if (fields.length === width - 1) {
    const candidates: { fields: string[]; repair: string }[] = [];
    fields.forEach((value, i) => {
      for (let at = 1; at < value.length; at++) {
        const left = value.slice(0, at);
        const right = value.slice(at);
        const spaced = value[at - 1] === " " || value[at] === " ";
        if (spaced && value[at] !== " ") continue;
        const parts = spaced ? [left.trimEnd(), right.trimStart()] : [left, right];
        if (parts.some((p) => p === "")) continue;
        candidates.push({
          fields: [...fields.slice(0, i), ...parts, ...fields.slice(i + 1)],
          repair: spaced ? `a space read as the delimiter between "${parts[0]}" and "${parts[1]}"` : `"${value}" split into "${parts[0]}" and "${parts[1]}"`,
        });
      }
    });
    const split = unique(candidates, ctx);
    if (split) return { kind: "row", ...split };
  }
  if (fields.length < width && allFit(fields, ctx)) {
    const missing = width - fields.length;
    return { kind: "row", fields: [...fields, ...Array<string>(missing).fill("")], repair: `padded with ${missing} empty value${missing === 1 ? "" : "s"}` };
  }
  return { kind: "setAside", reason: `${valuesWhere(fields.length, width)}, and no single mend fits every column` };
}

/**
 * A line read with the quotes inside its quoted values as text, when that
 * reads it otherwise than the lenient split, with the header's number of
 * values (and fitting every column where the lenient split has another
 * number). The lenient split keeps the text after a closing quote and drops
 * the quote (`"a "b" c"` → `a b" c"`), which is never what was meant; the
 * column shapes cannot judge between the two, as they were learned from
 * that split.
 */
function innerQuotes(raw: string, fields: readonly string[], ctx: RepairContext): string[] | null {
  const inner = splitInnerQuotes(raw, ctx.dialect);
  if (!inner || inner.length !== ctx.width || inner.every((f, i) => f === fields[i])) return null;
  return fields.length === ctx.width || allFit(inner, ctx) ? inner : null;
}

/** A line of unbalanced quotes read as the one row of the header's width, fitting every column, that leaving out one of them makes. */
function oneQuoteFewer(line: string, ctx: RepairContext): string[] | null {
  const q = ctx.dialect.quote;
  if (!q) return null;
  const at = quotesIn(line, q);
  if (at.length % 2 === 0 || at.length > MAX_QUOTES) return null;
  const candidates = at.map((i) => line.slice(0, i) + line.slice(i + 1)).filter((text) => isRow(text, ctx.dialect, ctx.width));
  return unique(candidates.map((text) => ({ fields: splitFields(text, ctx.dialect).fields, repair: "a stray quote dropped" })), ctx)?.fields ?? null;
}

/**
 * Mend a rejected stretch of text (one line, or several when a stray quote
 * swallowed the lines after it): one outcome per record, in order.
 */
export function repairChunk(text: string, ctx: RepairContext): ChunkOutcome[] {
  return repairLines(text.replace(/\r?\n$|\r$/, "").split(/\r\n|\n|\r/), ctx);
}

function repairLines(lines: readonly string[], ctx: RepairContext): ChunkOutcome[] {
  const outcomes: ChunkOutcome[] = [];
  for (const rec of records(lines, ctx.dialect, 20)) {
    const raw = lines.slice(rec.first, rec.last + 1).join("\n");
    const span = { lines: rec.last - rec.first + 1, text: raw };
    if (raw.trim() === "") {
      // Tabs alone, where tabs delimit, are a spreadsheet's empty row: a row of no value, which the read counts with the others.
      const emptyRow = ctx.dialect.delimiter === "\t" && raw.includes("\t");
      outcomes.push(emptyRow ? { kind: "row", fields: Array<string>(ctx.width).fill(""), ...span } : { kind: "blank", ...span });
      continue;
    }
    // Rows that a stray quote joined into one record: the first alone, its quotes as text, then the rest anew.
    if (joinsRows(lines, rec, ctx.dialect, ctx.width)) {
      return [...outcomes, strayQuoteLine(lines[rec.first]!, ctx), ...repairLines(lines.slice(rec.first + 1), ctx)];
    }
    const inner = rec.first === rec.last ? innerQuotes(raw, rec.fields, ctx) : null;
    if (inner) {
      outcomes.push({ kind: "row", fields: inner, repair: "quotes inside a quoted value read as text", ...span });
      continue;
    }
    let outcome = repairFields(rec.fields, ctx, raw);
    if (rec.open && outcome.kind === "row" && !outcome.repair?.startsWith("a stray quote")) outcome = { ...outcome, repair: outcome.repair ? `a stray quote read as text; ${outcome.repair}` : "a stray quote read as text" };
    if (outcome.kind === "setAside" && !rec.open && ctx.dialect.quote && raw.includes(ctx.dialect.quote)) {
      const plain = repairFields(splitPlain(raw, ctx.dialect.delimiter), ctx, raw);
      if (plain.kind === "row") outcome = { ...plain, repair: plain.repair ? `quotes read as text; ${plain.repair}` : "quotes read as text" };
    }
    // Else a quote too many on its first line, which may have joined the lines after it: the line alone, without it, is a row.
    const dropped = outcome.kind === "row" && allFit(outcome.fields, ctx) ? null : oneQuoteFewer(lines[rec.first]!, ctx);
    if (dropped) {
      outcomes.push({ kind: "row", fields: dropped, repair: "a stray quote dropped", lines: 1, text: lines[rec.first]! });
      if (rec.last > rec.first) return [...outcomes, ...repairLines(lines.slice(rec.first + 1), ctx)];
      continue;
    }
    // Else a stray quote that ran the lines after it in, on a line that holds a row of its own or before a line
    // that is a row as it is (a value over two lines ends in a line that is none): that line alone, its quotes as text.
    if (outcome.kind === "setAside" && rec.last > rec.first) {
      const rest = repairLines(lines.slice(rec.first + 1), ctx);
      const next = rest[0];
      if (strayQuoteRow(lines[rec.first]!, ctx.dialect, ctx.width) || (next?.kind === "row" && !next.repair)) {
        return [...outcomes, strayQuoteLine(lines[rec.first]!, ctx), ...rest];
      }
    }
    outcomes.push({ ...outcome, ...span });
  }
  return outcomes;
}

/** A line whose stray quote ran the lines after it in, alone: its quotes read as text, mended or set aside. */
function strayQuoteLine(line: string, ctx: RepairContext): ChunkOutcome {
  const span = { lines: 1, text: line };
  const alone = repairFields(splitPlain(line, ctx.dialect.delimiter), ctx, line);
  if (alone.kind === "setAside") return { kind: "setAside", reason: `a stray quote, and ${alone.reason}`, ...span };
  if (alone.repair?.startsWith("a stray quote")) return { ...alone, ...span };
  return { ...alone, repair: alone.repair ? `a stray quote read as text; ${alone.repair}` : "a stray quote read as text", ...span };
}
