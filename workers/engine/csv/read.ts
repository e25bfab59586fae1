import { accountLines, type LineAccount } from "@/lib/csv/accounting";
import { bigIntegerColumns } from "@/lib/csv/big-integers";
import { pointThousandsColumns } from "@/lib/csv/point-thousands";
import { blankValues, isBlankValue } from "@/lib/csv/blank-values";
import { countLines, countLinesStartingWith } from "@/lib/csv/blob-lines";
import { tabLinesAsEmpty } from "@/lib/csv/lines";
import { linesSetAside, type LineNote, type TypeFinding } from "@/lib/csv/findings";
import { dayMonthTimestamps, isoDateFormat, isoDatesInHead } from "@/lib/csv/iso-dates";
import { gapLines, runsFromGaps } from "@/lib/csv/record-lines";
import { twoLineNames } from "@/lib/csv/header-names";
import { isSummaryRow, markedLines, repeatedHeaderLines, trailsAlone, type Layout } from "@/lib/csv/layout";
import { columnNames, SNIFFED_ROWS, type CsvReadPlan } from "@/lib/csv/read-sql";
import { namesRead, wholeNumberColumns } from "@/lib/csv/whole-numbers";
import { splitFields, trimAroundDelimiters } from "@/lib/csv/records";
import { lostDigitColumns, type LostDigits } from "@/lib/csv/lost-digits";
import { namesTheReadGave, type ReadName } from "@/lib/csv/header-gaps";
import { headerUnits, type HeaderUnits } from "@/lib/csv/units-line";
import { versionColumns } from "@/lib/csv/version-numbers";
import { isNumbersWithoutLabel } from "@/lib/csv/unlabelled-totals";
import { MAX_LINE_BYTES, type ParseOptions } from "@/lib/staging/parse-options";
import type { RowLines } from "@/lib/staging/staged-file";
import type { CsvEngine } from "./engine";
import { readMarkers } from "./markers";
import { readWrittenDates } from "./written-dates";
import { readTextMarks } from "./formula-text";
import { yearLastFormat } from "./year-last";
import { findLeadingZeros } from "./leading-zeros";
import { findNumbers, toNumbers } from "./numbers";
import { commaDecimalColumns, hasFraction } from "@/lib/csv/decimal-comma";
import { csvNearTypeFindings } from "./near-types";
import { MARK_AT_START, mend, rejectedLines, REPEATED_HEADER, stopMessage, typeFindings, type Mended } from "./mend";
import { TextError } from "../text";
import { quoteTrouble } from "./quotes";
import { repeatedHeaderRows } from "./repeats";
import { subtotalAndHeadingLines } from "./subtotals";
import { dropEmptyColumns } from "./empty-columns";
import { account } from "./account";
import { dropEmptyRows, dropRowLines, writeLineRuns, writeRowLines } from "./row-lines";
import { applyEdits, splice, withoutMarks } from "./splice";
import { createTable, describe, finish, sniffedFormats } from "./table";
import { findLayout, type FirstRead } from "./first-read";
import { keptForZeros, resolveOptions, tabIn } from "./options";

/**
 * Reading a CSV file so that it stages on the first try. Its layout (dialect,
 * lines above and below the table, header) comes from its first and last
 * lines; DuckDB reads the body between them. A clean file is read once. When
 * DuckDB rejects lines, each is mended where one mend fits (or set aside
 * with the reason) and spliced into a new blob of slices of the old one (no
 * copy), which is read again; a value that does not fit its column's type
 * makes that column text, and is reported, never a reason to drop its row.
 */
export interface CsvRead {
  /** The options as used: detected values filled in where the user left them unset. */
  options: ParseOptions;
  notes: LineNote[];
  typeFindings: TypeFinding[];
  lines: LineAccount;
  secondTable: Layout["secondTable"];
  lenient: boolean;
  /** The formats DuckDB's sniffer read DATE and TIMESTAMP columns with. */
  dateFormat?: string;
  timestampFormat?: string;
  /** How each row's line is told: the lines before the first row, and whether a table holds each row's line (row-lines.ts). */
  rowLines: RowLines;
  /** The summary rows (Total, Sum) among the lines below the table, as the file has them. */
  summaryRows: string[];
  /** Columns of long numbers as Excel shows them, in the first lines (lib/csv/lost-digits.ts). */
  lostDigits: LostDigits[];
  /** Columns the header did not name once, which the read named (lib/csv/header-gaps.ts). */
  readNames: ReadName[];
  /** The units a header's second line gives the columns (lib/csv/units-line.ts). */
  units: HeaderUnits | null;
}

const MAX_ROUNDS = 4;
const TRIM_IN_TEXT_BYTES = 64 * 1024 * 1024;

export class CsvStopped extends Error {
  constructor(readonly line: number, message: string) {
    super(message);
  }
}

export async function readCsv(engine: CsvEngine, text: Blob, options: ParseOptions, table: string, path: string, first: FirstRead = {}): Promise<CsvRead> {
  // The layout's sample first: a read of the whole text started before it would hold up its two small reads.
  const { sample, layout } = first.found ?? (await findLayout(text, options));
  // Nothing but blank lines (or a byte-order mark alone): DuckDB would read them as rows of nothing.
  if (sample.whole && sample.head.every((l) => l.trim() === "")) {
    throw new TextError(sample.head.length > 1 ? "The file holds only blank lines: there is nothing to stage." : "The file holds no text (only a byte-order mark): there is nothing to stage.", null);
  }
  const counting = first.counted ?? countLines(text);
  const used = resolveOptions(options, layout);
  const dialect = { delimiter: tabIn(used.delimiter!), quote: used.quote!, escape: used.escape! };
  const preamble = used.skip!;
  const headerLines = used.header ? used.headerLines! : 0;
  // The first lines below the header: one array, whose values every check below splits once (lib/csv/records.ts).
  const bodyHead = sample.head.slice(preamble + headerLines);
  const fieldsAt = (line: number) => splitFields(sample.head[line] ?? "", dialect).fields.map((f) => (used.trimSpaces ? f.trim() : f));
  // A header whose quote never closes on its line (a stray one) is named as the layout names it, after it.
  const strayQuoteHeader = headerLines === 1 && layout.strayQuoteHeader && preamble === layout.preamble;
  // A header of two lines whose first names groups of columns names each by both ("2024 Units").
  const headerFields = !used.header ? [] : headerLines === 2 ? twoLineNames(fieldsAt(preamble), fieldsAt(preamble + 1)) : strayQuoteHeader ? layout.names : fieldsAt(preamble);
  // The body DuckDB reads starts at the header; after it, with the names found above, when it has two
  // lines, a delimiter after its last name that the rows do not have, or no name for the rows' names (R).
  const trailing = headerLines === 1 && !used.trailingDelimiter && trailsAlone(headerFields, layout.width);
  const rowNames = headerLines === 1 && layout.rowNames && preamble === layout.preamble && headerFields.length === layout.width - 1;
  // A first name that starts with a byte-order mark inside its quotes (a file read and written again by a tool that
  // kept the mark in its first name): DuckDB would keep it in the name, which comes back through Arrow without it.
  const markedName = headerLines === 1 && headerFields.some((f) => f.startsWith("\uFEFF"));
  const namesApart = headerLines > 1 || trailing || rowNames || markedName || strayQuoteHeader;
  const linesBefore = preamble + (namesApart ? headerLines : 0);
  // Each column's name as the file writes it ("" where it writes none).
  const nameFields = (trailing ? headerFields.slice(0, -1) : rowNames ? ["", ...headerFields] : headerFields).map((f) => f.replace(/^\uFEFF/, ""));
  const bodyStart = sample.headBytes(linesBefore);
  let body = text.slice(bodyStart, Math.max(bodyStart, text.size - sample.tailBytes(used.notes!)));
  if (used.edits.length) body = await applyEdits(body, used.edits, linesBefore);
  // The header again among the rows of the first lines (files joined end to end): set aside before DuckDB's
  // sniffer takes it for a row and its columns for text. Further down, the read rejects it (mend.ts).
  const repeats = headerLines === 1 ? repeatedHeaderLines(sample.head, preamble).filter((line) => !used.edits.some((e) => e.line === line)) : [];
  if (repeats.length) body = await applyEdits(body, repeats.map((line) => ({ line, text: "" })), linesBefore);
  // Rows that start with a byte-order mark (headerless files joined end to end, each with its mark), among the first lines
  // or as the lines were counted, when that is done: the mark left out before DuckDB's sniffer takes their first column for text.
  const countedNow = await Promise.race([counting, Promise.resolve(undefined)]).catch(() => undefined);
  const lastBodyLine = countedNow ? countedNow.lines - used.notes! : Infinity;
  const markedRows = [...new Set([...markedLines(sample.head, preamble + headerLines), ...(countedNow?.markedAt ?? [])])]
    .filter((line) => line > preamble + headerLines && line <= lastBodyLine && !repeats.includes(line) && !used.edits.some((e) => e.line === line));
  const unmarked = markedRows.length ? await withoutMarks(body, markedRows, linesBefore) : null;
  if (unmarked) body = unmarked.body;
  // Subtotal rows among the rows (a report's "Total North"): set aside too, as summing them counts rows twice.
  const subtotals = await subtotalAndHeadingLines(body, bodyHead, { dialect, width: layout.width, shapes: layout.shapes, headerInBody: namesApart ? 0 : headerLines }, linesBefore, used.edits);
  if (subtotals.length && options.badLines === "stop") throw new CsvStopped(subtotals[0]!.note.line, `Line ${subtotals[0]!.note.line} is ${subtotals[0]!.note.reason}. Choose “Set aside the lines that do not fit” to stage the rest.`);
  if (subtotals.length) body = splice(body, subtotals.map((s) => s.blank));
  // Padding around delimiters hides types from the sniffer: take it off before DuckDB reads (a bigger file is trimmed in SQL after).
  if (used.trimSpaces && body.size <= TRIM_IN_TEXT_BYTES) body = new Blob([trimAroundDelimiters(await body.text(), dialect)]);

  // Values of spaces alone where numbers, dates or booleans are: read as empty (lib/csv/blank-values.ts), from the first lines and as casts fail.
  const nulls = new Set([...(used.nullValues ?? []), ...blankValues(bodyHead, dialect)]);
  // A type with a fraction given to a column written with decimal commas (12,50): read with the comma, as “1.234,56” reads (lib/csv/decimal-comma.ts).
  if (!used.numberFormat && commaDecimalColumns(bodyHead, dialect, nameFields, used.types).length) used.numberFormat = "comma";
  // The first lines as DuckDB's sniffer sees them: what it types the columns by, and what the values below it are cast without.
  const sniffedLines = bodyHead.length <= SNIFFED_ROWS ? bodyHead : bodyHead.slice(0, SNIFFED_ROWS);
  const base: CsvReadPlan = {
    path, dialect, header: headerLines === 1 && !namesApart, names: namesApart ? columnNames(nameFields) : undefined, comment: used.comment, strict: true, sniff: true,
    types: { ...used.types }, dateFormat: used.dateFormat ?? isoDatesInHead(sniffedLines, dialect, layout.width) ?? undefined, timestampFormat: used.timestampFormat, decimalComma: used.numberFormat === "comma", nullPadding: used.raggedRows, rejects: `${path.replace(/\W/g, "_")}_rejects`, maxLineBytes: MAX_LINE_BYTES,
  };
  const width = Math.max(layout.width, headerFields.length - (trailing ? 1 : 0));
  const ctx = { dialect, width: layout.width, shapes: layout.shapes };
  // A line mended in one round and rejected again in the next keeps only what became of it last (with the file's text).
  const noted = new Map<number, LineNote>([
    ...repeats.map((line): [number, LineNote] => [line, { line, status: "set aside", reason: REPEATED_HEADER, text: sample.head[line - 1]! }]),
    ...[...(unmarked?.texts ?? [])].map(([line, text]): [number, LineNote] => [line, { line, status: "repaired", reason: MARK_AT_START, text }]),
    ...subtotals.map(({ note }): [number, LineNote] => [note.line, note]),
  ]);
  const casts: Mended["casts"] = [];
  // Whole numbers with a fraction further down (12.5), which DuckDB's reader would round: checked as read (lib/csv/whole-numbers.ts).
  base.whole = wholeNumberColumns(sniffedLines, dialect, namesRead(base, headerFields, layout.width));
  let plan = base;
  let lenient = false;
  let rejectedAny = false;
  let quotesScanned = false;
  let repeatsUnchecked = headerLines === 1 && !namesApart && !sample.whole;
  for (let round = 0; ; round++) {
    if (round > MAX_ROUNDS) throw new Error("The file could not be read the same way twice.");
    const name = `${path}.${round}`;
    await engine.register(name, body);
    // Each round starts strict and sniffing again (mended text may read where the raw text could not), with the columns found to need text.
    const nullValues = nulls.size ? [...nulls] : undefined;
    const text = Object.fromEntries(casts.map((c) => [c.column, "VARCHAR"]));
    // The last round's types and whole-number columns carry what its read found (columns of fractions DOUBLE).
    const read = await createTable(engine, table, { ...base, path: name, nullValues, types: { ...plan.types, ...text }, whole: plan.whole }, width, headerFields, body.size).finally(() =>
      engine.unregister(name).catch(() => undefined),
    );
    plan = read.plan;
    lenient = !plan.strict;
    // A lenient read rejects no line for its quotes: a quote never closed takes in every line after it, silently.
    // Scanned for once: what the mended text still holds is left to the lenient read, which says so.
    const scanQuotes = read.rejected.length === 0 && lenient && !quotesScanned;
    if (scanQuotes) quotesScanned = true;
    const rejected = scanQuotes ? await quoteTrouble(body, dialect) : read.rejected;
    if (rejected.length === 0) {
      // The header again further down than the first lines, in a table of text alone, was read as a row (repeats.ts).
      const far = repeatsUnchecked ? await repeatedHeaderRows(engine, table, await describe(engine, table), body, { fields: headerFields, text: sample.head[preamble]! }) : [];
      repeatsUnchecked = false;
      if (far.length === 0) break;
      const lineOf = (l: { line: number }) => linesBefore + l.line + 1;
      if (options.badLines === "stop") throw new CsvStopped(lineOf(far[0]!), `Line ${lineOf(far[0]!)} is ${REPEATED_HEADER}. Choose “Set aside the lines that do not fit” to stage the rest.`);
      rejectedAny = true;
      for (const l of far) noted.set(lineOf(l), { line: lineOf(l), status: "set aside", reason: REPEATED_HEADER, text: sample.head[preamble]! });
      body = splice(body, far.map(({ start, end }) => ({ start, end, text: "" })));
      continue;
    }
    rejectedAny = true;
    const where = await rejectedLines(body, rejected, linesBefore);
    const firstLine = where.get(rejected[0]!)!.line;
    if (options.badLines === "stop") throw new CsvStopped(firstLine, stopMessage(rejected[0]!, firstLine));
    const mendedNow = await mend(body, rejected, where, ctx, await describe(engine, table), round >= MAX_ROUNDS - 1, headerFields);
    // Its text stays the file's own, not the text an earlier round mended it into.
    for (const note of mendedNow.notes) noted.set(note.line, { ...note, text: noted.get(note.line)?.text ?? note.text });
    for (const cast of mendedNow.casts) {
      if (isBlankValue(cast.value)) nulls.add(cast.value);
      else casts.push(cast);
    }
    body = splice(body, mendedNow.edits);
  }
  const read = await describe(engine, table);
  const readAgain = async (patch: Partial<ParseOptions>) => readCsv(engine, text, { ...options, ...patch }, table, path, { counted: Promise.resolve(await counting) });
  // Whole numbers longer than a DOUBLE holds exactly: read again with HUGEINT given for their columns.
  const exact = bigIntegerColumns(bodyHead, dialect, read).filter((name) => !(name in used.types));
  if (exact.length) return readAgain({ types: { ...options.types, ...Object.fromEntries(exact.map((name) => [name, "HUGEINT"])) } });
  // Codes whose leading zero DuckDB dropped, further down than its sample: read again with their columns as text.
  const zeros = plan.sniff ? await findLeadingZeros(engine, table, read, { lines: bodyHead, dialect, types: used.types, body, plan }) : {};
  if (Object.keys(zeros).length) {
    return readAgain({ types: { ...options.types, ...Object.fromEntries(Object.keys(zeros).map((name) => [name, "VARCHAR"])) }, leadingZeros: { ...options.leadingZeros, ...zeros } });
  }
  // ISO dates are told from the first lines; any other format is asked of DuckDB's sniffer.
  const isoDates = plan.sniff ? isoDateFormat(bodyHead, dialect, read) : null;
  // Timestamps are asked after only where their day and month could be read two ways.
  const sniffed = await sniffedFormats(engine, read, body, plan, { date: !used.dateFormat && !isoDates, timestamp: !used.timestampFormat && dayMonthTimestamps(bodyHead, dialect, read) });
  const dateFormat = used.dateFormat ?? isoDates ?? sniffed.date;
  // Version numbers (5.4.12) that the sniffer read as dates with a two-digit year first: read again as text.
  const versions = used.dateFormat ? [] : versionColumns(bodyHead, dialect, read, dateFormat).filter((name) => !(name in used.types));
  if (versions.length) return readAgain({ types: { ...options.types, ...Object.fromEntries(versions.map((name) => [name, "VARCHAR"])) } });
  // A two-digit year first (31.12.24 read as 24 December 2031): read again with the year last, where every date reads so.
  const yearLast = used.dateFormat ? null : await yearLastFormat(engine, table, read, dateFormat);
  if (yearLast) return readAgain({ dateFormat: yearLast });
  const finished = await finish(engine, table, read, used);
  const { numbers, seen } = await findNumbers(engine, table, finished, { numberFormat: used.numberFormat, delimiter: dialect.delimiter, types: used.types });
  // A file whose numbers have a decimal comma writes 1.200 for twelve hundred, which DuckDB took for 1.2: read it again knowing the comma
  // (known from its other columns, or from whole numbers grouped by points in a file delimited by semicolons: lib/csv/point-thousands.ts).
  const doubles = finished.filter((c) => c.type === "DOUBLE" && !(c.name in used.types));
  const commaFile = seen === "comma" || pointThousandsColumns(bodyHead, dialect, finished).some((name) => !(name in used.types));
  if (!used.numberFormat && commaFile && dialect.delimiter !== "," && doubles.length) return readAgain({ numberFormat: "comma" });
  // Columns of numbers, dates or booleans but for missing-value markers (NA, NULL, \N): typed, the markers empty.
  const { columns: afterMarkers, marked } = await readMarkers(engine, table, await toNumbers(engine, table, finished, numbers), { types: used.types, dateFormat: dateFormat ?? undefined });
  // Dates and timestamps written for people (12/31/2024 23:59, 02-Jan-2024): typed too, by the one format every value fits.
  const { columns, written } = await readWrittenDates(engine, table, afterMarkers, { types: used.types, dateFormat: dateFormat ?? used.timestampFormat ?? sniffed.timestamp ?? undefined });
  const { formulaText, apostropheText } = await readTextMarks(engine, table, columns, used.types);
  const notes = [...noted.values()].sort((a, b) => a.line - b.line);
  const firstRow = preamble + headerLines + 1;
  const counted = await counting.then((count) => tabLinesAsEmpty(count, dialect.delimiter, firstRow, count.lines - used.notes!));
  // Rows marked further down than the first lines, found by the count once the read had begun: read again without their marks.
  if (!countedNow && counted.markedAt?.some((line) => line >= firstRow && line <= counted.lines - used.notes! && !noted.has(line))) return readAgain({});
  // Comment lines among the rows, which DuckDB skipped: lines of their own in the account, not lines of rows.
  const comments = used.comment ? await countLinesStartingWith(body, used.comment) : 0;
  const lines = await account(engine, table, columns, { counted, sample, preamble, headerLines, notes: used.notes!, setAside: linesSetAside(notes), comments, repaired: notes.filter((n) => n.status === "repaired").length, mended: rejectedAny });
  const sheetRows = first.sheetRow === undefined ? 0 : first.sheetRow - 1;
  const lastRow = counted.lines - used.notes!;
  // Lines of delimiters alone among the rows: read as rows of no value, which go once each row's line is kept.
  const emptyLines = counted.emptyAt.some((line) => line >= firstRow && line <= lastRow) && columns.length > 1;
  // Rows that do not follow one another line by line: blank lines, comments or lines set aside among them.
  const apart = lines.blank > 0 || notes.length > 0 || !!used.comment || emptyLines;
  // Rows of one line each are apart only by the blank lines counted and the lines set aside; others are found by a scan.
  const gaps = apart && lines.rowLines === lines.rows && !used.comment ? gapLines(counted.blankAt, notes, firstRow, lastRow) : null;
  const at = { linesBefore: sheetRows + linesBefore, headerInBody: headerLines === 1 && !namesApart, rows: lines.rows };
  const scan = { ...dialect, comment: used.comment, valueLines: first.sheetRow === undefined };
  const lineTable = !apart
    ? await dropRowLines(engine, table)
    : gaps && gaps.length === lines.blank + lines.setAside
      ? await writeLineRuns(engine, table, runsFromGaps(gaps, firstRow), lines.rows, sheetRows + firstRow - 1)
      : await writeRowLines(engine, table, body, scan, at);
  const repairedLines = notes.filter((n) => n.status === "repaired").map((n) => n.line);
  const empty = lineTable && emptyLines ? await dropEmptyRows(engine, table, columns, repairedLines) : { count: 0, watched: [] };
  const emptyRows = empty.count;
  // Columns with no name and no value (a spreadsheet's ,,, ending every line): left out.
  const emptyColumns = await dropEmptyColumns(engine, table, columns, nameFields);
  const readNames = namesTheReadGave(nameFields, columns.map((c) => c.name)).filter((n) => !emptyColumns.includes(n.column));
  // Text columns that are numbers or dates but for a few values, those whose casts failed too: found with the format their values are written in.
  const near = await csvNearTypeFindings(engine, table, await describe(engine, table), {
    leave: new Set([...Object.keys(used.types), ...formulaText, ...apostropheText]), dialect, head: bodyHead, linesBefore: sheetRows + preamble + headerLines, lineTable,
  });
  return {
    options: { ...used, nullValues: nulls.size ? [...nulls] : undefined, numbers: Object.keys(numbers).length ? numbers : undefined, missing: Object.keys(marked).length ? marked : undefined, writtenDates: Object.keys(written).length ? written : undefined, formulaText: formulaText.length ? formulaText : undefined, apostropheText: apostropheText.length ? apostropheText : undefined, subtotals: subtotals.length || undefined, emptyColumns: emptyColumns.length ? emptyColumns : undefined, leadingZeros: keptForZeros(used) },
    // A line mended into a row of no value went with the empty rows: it is a blank line, not a repaired one.
    notes: notes.filter((n) => !(n.status === "repaired" && empty.watched.includes(n.line))),
    typeFindings: [...typeFindings(casts.filter((c) => !marked[c.column] && !written[c.column] && !near.some((n) => n.column === c.column))).map((f) => (used.numberFormat === "comma" && hasFraction(f.type) ? { ...f, decimalChar: "," as const } : f)), ...near],
    // Rows of no value went: their lines are blank ones.
    lines: emptyRows
      ? accountLines({ ...lines, blank: lines.blank + emptyRows, rows: lines.rows - emptyRows, rowLines: lines.rowLines - emptyRows, repaired: lines.repaired - empty.watched.length })
      : lines,
    secondTable: layout.secondTable,
    lenient,
    dateFormat,
    timestampFormat: used.timestampFormat ?? sniffed.timestamp,
    rowLines: { before: sheetRows + preamble + headerLines, ...(lineTable ? { table: true } : {}) },
    lostDigits: lostDigitColumns(bodyHead, dialect, columns),
    readNames,
    units: headerLines > 1 ? headerUnits(fieldsAt(preamble), fieldsAt(preamble + 1), columns, sheetRows + preamble + 2) : null,
    summaryRows: used.notes ? sample.tail.slice(-used.notes - 1).filter((l) => totalsBelow(splitFields(l, dialect).fields, layout.width)).slice(0, 5).map((l) => l.slice(0, 200)) : [],
  };
}

/** A line below the table that sums its rows: a summary row (Total …) or numbers with no label. */
const totalsBelow = (fields: readonly string[], width: number) => isSummaryRow(fields) || isNumbersWithoutLabel(fields, width);
