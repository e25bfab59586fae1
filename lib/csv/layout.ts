import { detectDialect } from "./dialect";
import { namesGroups, twoLineNames } from "./header-names";
import { endsQuotedRow, otherDelimiterRow, strayQuoteRow, withoutStrayJoins } from "./quoted-rows";
import { leadsAlone } from "./headings";
import { isUnlabelledTotals } from "./unlabelled-totals";
import { raggedHeader } from "./ragged-rows";
import { records, splitFields, type Dialect, type LineRecord } from "./records";
import { fits, isNames, learnShapes, type ColumnShapes, type ShapeCache } from "./shapes";
import { namedByWords } from "./name-words";
import { isSparseUnitsLine, shaped } from "./units-line";

/**
 * Where the table is in a CSV file: lines of title or metadata above the
 * header, a header of one or two lines (or none), notes or a second table
 * below the rows, a delimiter trailing every line, spaces padding every
 * delimiter. Read from the file's first and last lines (DuckDB's sniffer
 * looks only at the top, and gives up on a title line).
 */
export interface Layout {
  dialect: Dialect;
  /** Lines above the header (title, metadata, comments, blanks). */
  preamble: number;
  header: boolean;
  /** 2 when a line of units or descriptions follows the column names; 3 when Qualtrics' line of import ids follows those. */
  headerLines: 1 | 2 | 3;
  /** Column names as the file has them (empty when there is no header). */
  names: string[];
  width: number;
  /** Lines at the end that are not rows: notes, or a second table. */
  notes: number;
  secondTable: { lines: number; width: number } | null;
  comment: string | null;
  /** Every line, the header too, ends in a delimiter: the empty last column is dropped. */
  trailingDelimiter: boolean;
  /** The header names every column but the first, which holds the rows' names (R's write.table): `names` starts with "". */
  rowNames: boolean;
  /** The header's quote never closes on its line (a stray one): `names` are its values with the quotes dropped. */
  strayQuoteHeader: boolean;
  trimSpaces: boolean;
  /** The header names more columns than the rows fill (their trailing empty values left out): rows are read padded to it. */
  raggedRows: boolean;
  shapes: ColumnShapes[];
}

export interface LayoutSample {
  /** The file's first lines, without their line ends. */
  head: readonly string[];
  /** The file's last whole lines (the same lines as head when head holds the whole file). */
  tail: readonly string[];
  /** head holds the whole file (and tail is the same lines). */
  whole: boolean;
}

const isBlank = (line: string) => line.trim() === "";
const allEmpty = (fields: readonly string[]) => fields.every((f) => f.trim() === "");

function modalWidth(recs: readonly LineRecord[]): number {
  const counts = new Map<number, number>();
  for (const r of recs) if (!allEmpty(r.fields)) counts.set(r.fields.length, (counts.get(r.fields.length) ?? 0) + 1);
  let best = 1;
  let bestCount = 0;
  for (const [w, n] of counts) if (n > bestCount || (n === bestCount && w > best)) [best, bestCount] = [w, n];
  return best;
}

/** Two records with the same fields, spaces around them aside. */
export const sameFields = (a: readonly string[], b: readonly string[]): boolean => a.length === b.length && a.every((f, i) => f.trim() === b[i]!.trim());

/** The lines (1-based) of the sample below the header (the line after `preamble`) that repeat it word for word. */
export function repeatedHeaderLines(head: readonly string[], preamble: number): number[] {
  const header = head[preamble]?.trim();
  if (!header) return [];
  return head.flatMap((line, i) => (i > preamble && line.trim() === header ? [i + 1] : []));
}

/** The lines (numbered from 1) from the `first`-th (from 0) on that start with a byte-order mark: files joined end to end, each with its mark. */
export function markedLines(head: readonly string[], first: number): number[] {
  return head.flatMap((line, i) => (i >= first && line.startsWith("\uFEFF") ? [i + 1] : []));
}

/** A header with a delimiter after its last name that the rows do not have ("a,b,c," over "1,2,3"). */
export const trailsAlone = (fields: readonly string[], width: number): boolean => fields.length === width + 1 && fields[width]!.trim() === "";

/**
 * A column whose values tell names from values: numbers, or values shaped by more than letters and spaces
 * (codes, dates, emails). A column of words ("Paris", "Y") takes a header's word as readily as a value.
 */
const telling = (s: ColumnShapes): boolean => s.numeric || (s.shapes !== null && [...s.shapes].some((shape) => /[^a ]/.test(shape)));

/** A row of names over typed columns (`judge`: telling ones, unless said): every typed column holds a value that does not fit it. */
function looksLikeHeader(fields: readonly string[], shapes: readonly ColumnShapes[], judge = telling): boolean {
  const typed = shapes.map((s, c) => ({ s, v: fields[c] ?? "" })).filter(({ s }) => judge(s));
  if (typed.length === 0) return isNames(fields);
  return typed.every(({ s, v }) => v.trim() !== "" && !fits(s, v));
}

export function detectLayout({ head, tail, whole }: LayoutSample, given: Partial<Dialect> = {}): Layout {
  const dialect = detectDialect(head, given);
  const joined = records(head, dialect);
  // Lines of a comment (# …) above or among the table, as analytics exports write their report's name and dates, are not its width.
  const uncommented = joined.filter((r) => !isBlank(head[r.first]!) && !head[r.first]!.startsWith("#"));
  const modal = modalWidth(uncommented.length >= 2 ? uncommented : joined.filter((r) => !isBlank(head[r.first]!)));
  const unjoined = withoutStrayJoins(head, joined, dialect, modal).filter((r) => !isBlank(head[r.first]!));
  // A header wider than its rows, whose last values the writer left out: the rows padded to it.
  const ragged = raggedHeader(unjoined, modal, (names, rows) => namesOver(names, learnShapes(rows, modal)));
  const width = ragged?.width ?? modal;
  const data = ragged?.data ?? unjoined;
  const fallback: Layout = {
    dialect, preamble: 0, header: true, headerLines: 1, names: data[0]?.fields ?? [], width, notes: 0, secondTable: null, comment: null,
    trailingDelimiter: false, rowNames: false, strayQuoteHeader: false, trimSpaces: false, raggedRows: false, shapes: [],
  };
  // One column: its first value names it, unless that value is shaped like the ones below it (a list of numbers, dates or codes).
  if (width === 1 && data.length >= 2) {
    const header = namesOver(data[0]!.fields, learnShapes(data.slice(1).map((r) => r.fields), 1));
    return header ? fallback : { ...fallback, header, names: [] };
  }
  if (width < 2 || data.length < 2) return fallback;

  // The header: the first record as wide as the table (or one narrower, when the rows end in a delimiter,
  // or one wider, when it alone does: "a,b,c,") that mostly full rows follow.
  const full = data.filter((r) => r.fields.length === width);
  const rowsTrail = full.length > 0 && full.filter((r) => r.fields[width - 1]!.trim() === "").length >= 0.9 * full.length;
  const fitsWidth = (r: LineRecord) => r.fields.length === width || (rowsTrail && r.fields.length === width - 1 && !r.open) || trailsAlone(r.fields, width);
  const followedByRows = (i: number) => {
    const next = data.slice(i + 1, i + 4);
    return next.length === 0 || next.filter((r) => r.fields.length === width).length * 2 >= next.length;
  };
  const first = data.findIndex((r, i) => fitsWidth(r) && followedByRows(i));
  if (first < 0) return fallback;
  const at = belowTitles(data, first, width, fitsWidth, followedByRows);
  const cache: ShapeCache = new WeakMap();
  // The header, or R's header over its rows' names (the first row then is data): the names with "" for the first column.
  const top = withRowNames(data, at, width, cache) ?? data[at]!;
  // A line that repeats the header (files joined end to end), a summary row (Total), a line whose quote never closes
  // (read with its quotes as text) or a line of its first value alone (a heading, lib/csv/headings.ts) is no row: it would hide the columns' types.
  const rows = data.slice(top === data[at] ? at + 1 : at).filter((r) => r.fields.length === width && !r.open && !sameFields(r.fields, top.fields) && !isSummaryRow(r.fields) && !leadsAlone(r.fields));
  // Comment lines (# …): above the header, below it where they are no row of the table, or a few rows among many.
  // Rows that mostly start with # are data (a Shopify order's #1001, a colour's #FF0000), which a comment would drop.
  const hashRows = rows.filter((r) => head[r.first]!.startsWith("#")).length;
  const hashNote = data.slice(at + 1).some((r) => r.fields.length !== width && head[r.first]!.startsWith("#"));
  const hashData = hashRows * 2 >= rows.length && hashRows > 0;
  const comment = !hashData && (head.slice(0, top.first).some((l) => l.startsWith("#")) || hashNote || hashRows > 0) ? "#" : null;

  const afterSecond = learnShapes(rows.slice(1).map((r) => r.fields), width, cache);
  const shapes = learnShapes(rows.map((r) => r.fields), width, cache);
  // Or names of the words columns are named with, where shapes cannot tell (a key and value list's "key,value").
  const header = namesOver(top.fields, shapes) || namedByWords(top.fields, rows.map((r) => r.fields));
  const second = rows[0];
  // A second line of names stands apart from every shaped column, words too: over a few rows, a first row of
  // data stands apart from the codes and numbers below it ("1,234.00" over "(56.10)"). Or it leaves those without a unit empty.
  const below = header && !!second && second.first === top.last + 1;
  const unitsLine = below && rows.length > 3 && afterSecond.some(shaped) && (looksLikeHeader(second.fields, afterSecond, shaped) || isSparseUnitsLine(second.fields, afterSecond));
  // Or the first line names groups of columns ("2024" over "Units" and "Revenue") and the second their own names.
  const groupLine = below && rows.length > 2 && namesGroups(top.fields) && namesUnderGroups(top.fields, second.fields, afterSecond);
  // Or, as Qualtrics exports a survey's answers, the names, a line of the questions' texts, and a line of import ids.
  const qualtrics = below && rows.length > 2 && rows[1]!.first === second.last + 1 && isImportIdLine(rows[1]!.fields);
  const headerLines: 1 | 2 | 3 = qualtrics ? 3 : unitsLine || groupLine ? 2 : 1;
  const body = rows.slice(headerLines - 1);
  const trailingDelimiter = header && top.fields.length === width && top.fields[width - 1]!.trim() === "" && body.every((r) => r.fields[width - 1]!.trim() === "");
  const dataLines = body.map((r) => head[r.first]!);
  const padded = dataLines.filter((l) => l.includes(` ${dialect.delimiter}`) && l.split(dialect.delimiter).slice(1).every((f) => f.startsWith(" ")));
  const trimSpaces = dataLines.length > 0 && padded.length / dataLines.length >= 0.8;
  // Shapes to tell notes from rows come from rows more than half filled: a note padded with delimiters is not one.
  const fullRows = body.filter((r) => r.fields.filter((f) => f.trim() !== "").length * 2 > width);
  const { notes, secondTable } = findNotes(whole ? tail.slice(top.last + 2) : tail, whole ? tail.slice(top.last + 1, top.last + 2) : null, dialect, width, learnShapes(fullRows.map((r) => r.fields), width, cache), header ? top.fields : [], modal);
  const bodyShapes = headerLines === 3 ? learnShapes(body.map((r) => r.fields), width, cache) : headerLines === 2 ? afterSecond : shapes;
  const strayQuoteHeader = header && headerLines === 1 && top.open;
  const names = top.fields.map((f) => {
    const name = strayQuoteHeader ? f.replaceAll(dialect.quote, "") : f;
    return trimSpaces ? name.trim() : name;
  });
  return {
    dialect, preamble: top.first, header, headerLines, names: !header ? [] : groupLine && !qualtrics ? twoLineNames(top.fields, second.fields) : names, width,
    notes, secondTable, comment, trailingDelimiter, rowNames: header && top !== data[at], strayQuoteHeader, trimSpaces, raggedRows: header && ragged !== null, shapes: bodyShapes,
  };
}

/**
 * R's `write.table`, by default, names every column but the first, which holds the rows' names: a header
 * one field narrower than the rows, right above them, read as names with "" first. Null for anything else:
 * a title line has one field, and a table of two columns is not told from a title over its rows.
 */
function withRowNames(data: readonly LineRecord[], at: number, width: number, cache: ShapeCache): LineRecord | null {
  const above = data[at - 1];
  const top = data[at]!;
  if (width < 3 || !above || above.open || above.last + 1 !== top.first || above.fields.length !== width - 1) return null;
  if (above.fields.some((f) => f.trim() === "")) return null;
  const rows = data.slice(at).filter((r) => r.fields.length === width).map((r) => r.fields);
  // The first full row is data, not the header under a title line of two values ("Report,2024").
  if (namesOver(top.fields, learnShapes(rows.slice(1), width, cache))) return null;
  const named = { ...above, fields: ["", ...above.fields] };
  return namesOver(named.fields, learnShapes(rows, width, cache)) ? named : null;
}

/**
 * The header below title lines that a spreadsheet saved as CSV pads with delimiters ("Sales Q3,,,", ",,,"):
 * from `first`, records with at most one value are passed over when a record after them is as wide as the
 * table and looks like names over the typed rows that follow it. Otherwise `first` itself (a sparse first
 * row of a file without a header is data).
 */
function belowTitles(data: readonly LineRecord[], first: number, width: number, fitsWidth: (r: LineRecord) => boolean, followedByRows: (i: number) => boolean): number {
  const sparse = (r: LineRecord) => r.fields.filter((f) => f.trim() !== "").length <= 1;
  if (!sparse(data[first]!)) return first;
  const at = data.findIndex((r, i) => i > first && fitsWidth(r) && followedByRows(i) && !sparse(r));
  if (at < 0 || !data.slice(first, at).every(sparse)) return first;
  // Shapes from the rows, not from the header again below them nor a title line again (a report's pages).
  const rows = data.slice(at + 1).filter((r) => r.fields.length === width && !sparse(r) && !sameFields(r.fields, data[at]!.fields));
  const shapes = learnShapes(rows.map((r) => r.fields), width);
  // Only typed columns tell names from values: over free text alone, the sparse line may be the names.
  return shapes.some(telling) && namesOver(data[at]!.fields, shapes) ? at : first;
}

/**
 * A second header line under a line of groups: it names every column the first leaves without a name, and
 * in the typed columns holds names, not values (empty under a name of the first line, such as "Region").
 */
function namesUnderGroups(first: readonly string[], second: readonly string[], shapes: readonly ColumnShapes[]): boolean {
  if (first.some((f, c) => f.trim() === "" && (second[c] ?? "").trim() === "")) return false;
  const typed = shapes.map((s, c) => ({ s, v: (second[c] ?? "").trim() })).filter(({ s }) => telling(s));
  return typed.some(({ v }) => v !== "") && typed.every(({ s, v }) => v === "" || !fits(s, v));
}

/** Qualtrics' third header line: each value the JSON of the column's import id ({"ImportId":"QID1"}), or empty. */
const isImportIdLine = (fields: readonly string[]): boolean =>
  fields.some((f) => f.trim() !== "") && fields.every((f) => f.trim() === "" || /^\{\s*"ImportId"\s*:/.test(f.trim()));

/** A record of column names over rows of these shapes, rather than one more row. */
const namesOver = (fields: readonly string[], shapes: readonly ColumnShapes[]) =>
  looksLikeHeader(fields, shapes) || !looksLikeData(fields, shapes) || yearsAcross(fields, shapes);

/**
 * Years one after the other across the row ("region,2022,2023", or 2023 then 2022) over columns that hold
 * other numbers: a report's or pivot table's header, though each year fits its column of numbers.
 */
function yearsAcross(fields: readonly string[], shapes: readonly ColumnShapes[]): boolean {
  const years = fields.flatMap((f, c) => (/^(19|20)\d\d$/.test(f.trim()) ? [{ year: Number(f), c }] : []));
  if (years.length < 2) return false;
  const step = years[1]!.year - years[0]!.year;
  if (Math.abs(step) !== 1 || !years.every((y, i) => i === 0 || y.year - years[i - 1]!.year === step)) return false;
  return years.some(({ c }) => [...(shapes[c]?.exact ?? [])].some((shape) => shape !== "9999"));
}

/** A first row of data: most typed columns take its values. */
function looksLikeData(fields: readonly string[], shapes: readonly ColumnShapes[]): boolean {
  if (!shapes.some(telling)) return false;
  return shapes.every((s, c) => fits(s, fields[c] ?? ""));
}

/** A summary row's label (its first value): a total is not a row of data, and would count twice in any sum. */
const SUMMARY = /^(grand\s+|sub-?)?totals?\b|^sum(me)?\b|^gesamt|^totaal\b|^somme\b|^suma\b|^totale\b/i;
export const isSummaryRow = (fields: readonly string[]): boolean => SUMMARY.test(fields.find((f) => f.trim() !== "")?.trim() ?? "");

/**
 * Lines below the table: walking up from the end, lines that are blank, all
 * empty fields, much narrower than the table, of one field, summary rows (Total, Sum)
 * or totals with no label (lib/csv/unlabelled-totals.ts) are notes (`tail` starts at the second row; when the
 * sample holds the whole table, `firstRow` is the row above it); lines after a
 * blank line that form a table of their own (another width, or a header over
 * typed columns) are a second table.
 */
function findNotes(tail: readonly string[], firstRow: readonly string[] | null, d: Dialect, width: number, shapes: ColumnShapes[], header: readonly string[], narrowest = width): { notes: number; secondTable: Layout["secondTable"] } {
  const lines = tail.length && tail[tail.length - 1] === "" ? tail.slice(0, -1) : tail;
  const fieldsOf = (l: string) => splitFields(l, d).fields;
  // A second table: after a blank line, a line of names, then rows of its width, to the end.
  for (let i = 1; i < lines.length - 1; i++) {
    if (!isBlank(lines[i - 1]!) || isBlank(lines[i]!)) continue;
    const names = fieldsOf(lines[i]!);
    // Under the table's own header again, it is the table going on (files joined with a blank line between).
    if (sameFields(names, header)) continue;
    const rest = lines.slice(i + 1).filter((l) => !isBlank(l)).map(fieldsOf);
    if (names.length < 2 || rest.length === 0 || !rest.every((f) => f.length === names.length)) continue;
    if (names.length !== width || looksLikeHeader(names, shapes)) {
      let start = i - 1;
      while (start > 0 && isBlank(lines[start - 1]!)) start--;
      return { notes: lines.length - start, secondTable: { lines: lines.length - i, width: names.length } };
    }
  }
  let start = lines.length;
  let sawNote = false;
  while (start > 0) {
    const line = lines[start - 1]!;
    if (isBlank(line)) {
      start--;
      continue;
    }
    // A row with a stray quote is no note, though the quote joins its values into a few (the read mends or sets it
    // aside); nor is the last line of a row whose quoted value spans lines, nor a row in another delimiter.
    // Rows of a ragged table are as wide as the header or as its narrowest rows.
    const rowAt = (w: number) => (strayQuoteRow(line, d, w) && !isSummaryRow(fieldsOf(line.replaceAll(d.quote, "")))) || endsQuotedRow(lines, start - 1, d, w) || otherDelimiterRow(line, d, w);
    const fields = fieldsOf(line);
    // Apart from the rows by a blank line: a line of one value in a table two wide, quoted whatever its commas (a
    // report's "Cash Basis …" footer), and numbers with no label (Google Analytics' totals, ",405"), which would
    // count twice in any sum.
    const apart = start >= 2 && isBlank(lines[start - 2]!);
    const quotedAlone = apart && fields.length === 1 && !!d.quote && line.trim().startsWith(d.quote) && line.trim().endsWith(d.quote);
    if (!quotedAlone && (rowAt(width) || (narrowest !== width && rowAt(narrowest)))) break;
    // A note fills at most half of a row's values ("Source: finance,,," included); a short last row fills more.
    const filled = fields.filter((f) => f.trim() !== "").length;
    // Its first value must not fit the first column, or a sparse last row would pass for a note; a line with no
    // delimiter at all is no row of a table three wide (Salesforce's "Copyright …", "Generated By: …" lines).
    const sparse = filled <= Math.max(1, Math.floor(width / 2)) && fields.length <= width;
    const unlabelledTotals = isUnlabelledTotals(fields, width, apart, () => (firstRow ? [...firstRow, ...lines.slice(0, start - 1)].map(fieldsOf) : null));
    const note = (width >= 3 || apart) && (fields.length === 1 || (sparse && !fits(shapes[0], fields[0] ?? "")));
    // Totals under a label on its own line above them (Salesforce's "Grand Totals (3 records)"): both are notes.
    const totalsUnderLabel = sparse && start >= 2 && isSummaryRow(fieldsOf(lines[start - 2]!)) && fieldsOf(lines[start - 2]!).filter((f) => f.trim() !== "").length === 1;
    if (!(filled === 0 || note || isSummaryRow(fields) || totalsUnderLabel || unlabelledTotals)) break;
    sawNote = true;
    start -= totalsUnderLabel ? 2 : 1;
  }
  if (!sawNote) return { notes: 0, secondTable: null };
  return { notes: lines.length - start, secondTable: null };
}
