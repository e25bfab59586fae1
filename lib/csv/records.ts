/**
 * Splitting CSV text into fields with a known dialect, the way a lenient
 * reader does: a quote opens a quoted field only at the start of a field
 * (spaces before it allowed), a quote inside an unquoted field is text, and
 * spaces between a closing quote and the delimiter are dropped.
 */
export interface Dialect {
  delimiter: string;
  /** "" when the file uses no quoting. */
  quote: string;
  escape: string;
}

export interface ParsedLine {
  fields: string[];
  /** A quoted field was still open at the end of the text. */
  open: boolean;
}

/** A line with an odd number of quote characters: the start or the end of a value that spans lines, not a whole record. */
export const quotesOpen = (line: string, d: Dialect): boolean => d.quote !== "" && line.split(d.quote).length % 2 === 0;

/** The fields of each line that is not blank: a file's first rows, column by column (`rows[i][column]`). */
export const fieldRows = (lines: readonly string[], d: Dialect): readonly (readonly string[])[] =>
  splitLines(lines, d).filter((_, i) => lines[i]!.trim() !== "").map((p) => p.fields);

/** The lines that split into exactly `width` fields, none left open: each field is then its column's value. */
export function rowsOfWidth(lines: readonly string[], d: Dialect, width: number): readonly (readonly string[])[] {
  return splitLines(lines, d).filter((p) => !p.open && p.fields.length === width).map((p) => p.fields);
}

/** Lines split, kept by their array and dialect: a CSV's read looks at its first lines' values a dozen times, each check once. */
const split = new WeakMap<readonly string[], { dialect: Dialect; lines: readonly Readonly<ParsedLine>[] }>();

function splitLines(lines: readonly string[], d: Dialect): readonly Readonly<ParsedLine>[] {
  const kept = split.get(lines);
  if (kept && kept.dialect.delimiter === d.delimiter && kept.dialect.quote === d.quote && kept.dialect.escape === d.escape) return kept.lines;
  const parsed = lines.map((l) => splitFields(l, d));
  split.set(lines, { dialect: { ...d }, lines: parsed });
  return parsed;
}

export function splitFields(text: string, d: Dialect): ParsedLine {
  const fields: string[] = [];
  const { delimiter, quote, escape } = d;
  let i = 0;
  const n = text.length;
  for (;;) {
    let j = i;
    while (j < n && text[j] === " ") j++;
    if (quote && text.startsWith(quote, j)) {
      let value = "";
      let k = j + 1;
      let closed = false;
      while (k < n) {
        const c = text[k]!;
        if (c === escape && escape !== quote && k + 1 < n && (text[k + 1] === quote || text[k + 1] === escape)) {
          value += text[k + 1];
          k += 2;
        } else if (c === quote) {
          if (escape === quote && text[k + 1] === quote) {
            value += quote;
            k += 2;
          } else {
            closed = true;
            k++;
            break;
          }
        } else {
          value += c;
          k++;
        }
      }
      if (!closed) {
        fields.push(value);
        return { fields, open: true };
      }
      // Text after the closing quote, up to the delimiter, stays with the field.
      const end = text.indexOf(delimiter, k);
      const rest = text.slice(k, end < 0 ? n : end);
      fields.push(rest.trim() ? value + rest : value);
      if (end < 0) return { fields, open: false };
      i = end + delimiter.length;
    } else {
      const end = text.indexOf(delimiter, i);
      fields.push(text.slice(i, end < 0 ? n : end));
      if (end < 0) return { fields, open: false };
      i = end + delimiter.length;
    }
  }
}

/**
 * Fields of a line whose quoted values hold quotes nobody doubled
 * (`1,"a "b" c",2`): each quoted value runs to the quote followed by the
 * delimiter or the line's end, and the quotes inside it are text. Null when
 * a quoted value has no such end.
 */
export function splitInnerQuotes(text: string, d: Dialect): string[] | null {
  const { delimiter, quote, escape } = d;
  if (!quote) return null;
  const fields: string[] = [];
  for (let i = 0; ; ) {
    let j = i;
    while (j < text.length && text[j] === " ") j++;
    let end: number;
    if (text.startsWith(quote, j)) {
      let close = text.indexOf(quote, j + 1);
      while (close >= 0 && !(close + 1 === text.length || text.startsWith(delimiter, close + 1))) close = text.indexOf(quote, close + 1);
      if (close < 0) return null;
      const inner = text.slice(j + 1, close);
      fields.push(escape === quote ? inner.replaceAll(quote + quote, quote) : inner.replaceAll(escape + quote, quote));
      end = close + 1 === text.length ? -1 : close + 1;
    } else {
      end = text.indexOf(delimiter, i);
      fields.push(text.slice(i, end < 0 ? text.length : end));
    }
    if (end < 0) return fields;
    i = end + delimiter.length;
  }
}

/** Fields read with quotes as plain text: how a line with a stray quote is read. */
export const splitPlain = (text: string, delimiter: string): string[] => text.split(delimiter);

/** One CSV line of fields in the dialect, quoted where needed, ending in "\n". */
export function joinFields(fields: readonly string[], d: Dialect): string {
  const { quote, escape, delimiter } = d;
  const needsQuotes = (f: string) => f.includes(delimiter) || f.includes("\n") || f.includes("\r") || (quote !== "" && f.includes(quote)) || /^\s|\s$/.test(f);
  const escaped = (f: string) => (escape === quote ? f.replaceAll(quote, quote + quote) : f.replaceAll(escape, escape + escape).replaceAll(quote, escape + quote));
  return fields.map((f) => (quote && needsQuotes(f) ? quote + escaped(f) + quote : f)).join(delimiter) + "\n";
}

/**
 * Records from physical lines: a line that leaves a quoted field open is
 * joined with the next ones (at most `maxJoin`), as a value spanning lines.
 * Each record says which lines it came from.
 */
export interface LineRecord {
  fields: string[];
  first: number;
  last: number;
  open: boolean;
}

export function records(lines: readonly string[], d: Dialect, maxJoin = 50): LineRecord[] {
  const out: LineRecord[] = [];
  for (let i = 0; i < lines.length; i++) {
    let text = lines[i]!;
    let parsed = splitFields(text, d);
    let last = i;
    while (parsed.open && last + 1 < lines.length && last - i < maxJoin) {
      last++;
      text += "\n" + lines[last];
      parsed = splitFields(text, d);
    }
    if (parsed.open) {
      // Never closed: the quote was stray; read the line alone, quotes as text.
      out.push({ fields: splitPlain(lines[i]!, d.delimiter), first: i, last: i, open: true });
      continue;
    }
    out.push({ fields: parsed.fields, first: i, last, open: false });
    i = last;
  }
  return out;
}

/** Text with the spaces around every delimiter (outside quotes) removed; line ends and line count kept. */
export function trimAroundDelimiters(text: string, d: Dialect): string {
  const ends = text.match(/\r\n|\n|\r/g) ?? [];
  const newline = ends[0] ?? "\n";
  const lines = text.split(/\r\n|\n|\r/);
  const last = lines.pop() ?? "";
  const out: string[] = [];
  for (const rec of records(lines, d)) {
    const raw = lines.slice(rec.first, rec.last + 1).join("\n");
    out.push(raw.trim() === "" ? "" : joinFields(rec.fields.map((f) => f.trim()), d).slice(0, -1));
  }
  const tail = last === "" ? "" : joinFields(splitFields(last, d).fields.map((f) => f.trim()), d).slice(0, -1);
  return out.map((l) => l + newline).join("") + tail;
}
