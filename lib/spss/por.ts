import type { TypedTable, TypedCell } from "@/lib/typed-table/table";
import { utf8Text } from "@/lib/typed-table/text";
import { FormatError } from "@/lib/format-error";
import { spssNumberValue, spssTextValue, spssType, type SpssNumeric } from "./values";

/**
 * An SPSS portable file (.por, what data archives long distributed SPSS data as), as GNU PSPP documents it
 * (https://www.gnu.org/software/pspp/pspp-dev/html_node/Portable-File-Format.html): text in lines of 80
 * characters, a table of the file's characters, then tagged records of base-30 numbers and counted strings: the
 * variables (names, formats, missing values, labels), value labels, and the cases.
 */
export class PorError extends FormatError {}

export interface PorVariable extends SpssNumeric {
  name: string;
  /** 0: a number; otherwise the width of a string. */
  width: number;
  label?: string;
}

export interface Por {
  variables: PorVariable[];
  /** The file's text without its line ends, and where its cases start. */
  text: Uint8Array;
  start: number;
}

// The portable character set's printable characters from position 64, as PSPP's documentation lists them.
const PORTABLE = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz .<(+|&[]!$*);^-/|,%_>?`:#@'=\"";
const SLASH = 0x2f;

export function readPor(bytes: Uint8Array): Por {
  const text = translated(joinedLines(bytes));
  if (new TextDecoder("latin1").decode(text.subarray(456, 464)) !== "SPSSPORT") throw new PorError("it does not hold the SPSSPORT mark a portable file has after its first 456 characters");
  const r = new Reader(text, 464);
  if (r.tag() !== "A") throw new PorError("its version record is not one PSPP or SPSS writes");
  r.string();
  r.string();
  const variables: PorVariable[] = [];
  const last = () => variables.at(-1) ?? r.fail("a missing value or label comes before any variable");
  for (;;) {
    const tag = r.tag();
    if (tag === "F") return { variables, text, start: r.at };
    if (tag === "1" || tag === "2" || tag === "3" || tag === "6") r.string();
    else if (tag === "4" || tag === "5") r.integer();
    else if (tag === "7") {
      const width = r.integer();
      const name = r.string();
      const format = r.integer();
      for (let i = 0; i < 5; i++) r.integer();
      variables.push({ name, width, format, missing: [] });
    } else if (tag === "8") {
      const v = last();
      if (v.width) (v.missingTexts ??= []).push(r.string().replace(/ +$/, ""));
      else v.missing.push(r.number());
    } else if (tag === "9" || tag === "A") {
      const v = last();
      if (v.width) r.string();
      else v.range = tag === "9" ? [-Infinity, r.number()] : [r.number(), Infinity];
    } else if (tag === "B") {
      const v = last();
      if (v.width) (r.string(), r.string());
      else v.range = [r.number(), r.number()];
    } else if (tag === "C") last().label = r.string();
    else if (tag === "D") valueLabels(r, variables);
    else if (tag === "E") for (let lines = r.integer(); lines > 0; lines--) r.string();
    else r.fail(`it holds a record (${tag}) a portable file does not`);
  }
}

/** A value labels record: the variables it labels, then (value, label) pairs, a string variable's by its text. */
function valueLabels(r: Reader, variables: PorVariable[]): void {
  const names = Array.from({ length: r.integer() }, () => r.string());
  const labelled = names.map((name) => variables.find((v) => v.name === name) ?? r.fail(`value labels name a variable (${name}) it does not have`));
  const strings = labelled[0]!.width > 0;
  const labels = new Map<number, string>();
  const textLabels = new Map<string, string>();
  for (let count = r.integer(); count > 0; count--) {
    const value = strings ? r.string() : r.number();
    const label = r.string();
    if (typeof value === "number") labels.set(value, label);
    else textLabels.set(value.replace(/ +$/, ""), label);
  }
  for (const v of labelled) {
    if (strings) v.textLabels = textLabels;
    else v.labels = labels;
  }
}

/** The variables and cases: labels for labelled codes, dates, missing values null. */
export function porTable(por: Por): TypedTable {
  return { columns: por.variables.map((v) => ({ name: v.name, type: v.width ? "text" : spssType(v), ...(v.label ? { label: v.label } : {}) })), rows: porRows(por) };
}

function* porRows(por: Por): Generator<TypedCell[]> {
  const r = new Reader(por.text, por.start);
  const values: TypedCell[] = [];
  const types = por.variables.map(spssType);
  while (!r.done()) {
    por.variables.forEach((v, i) => {
      if (v.width) {
        const text = r.string().replace(/ +$/, "");
        values[i] = text === "" ? null : spssTextValue(text, text, v);
      } else values[i] = spssNumberValue(r.number(), v, types[i]!);
    });
    yield values;
  }
}

/** The file's lines of 80 characters joined, a shorter one padded with spaces as PSPP reads it. */
function joinedLines(bytes: Uint8Array): Uint8Array {
  let lines = 1;
  for (const b of bytes) if (b === 0x0a) lines++;
  const out = new Uint8Array(bytes.length + lines * 80);
  let o = 0;
  let column = 0;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!;
    if (b === 0x0d || b === 0x0a) {
      if (b === 0x0d && bytes[i + 1] === 0x0a) i++;
      for (; column < 80; column++) out[o++] = 0x20;
      column = 0;
    } else {
      out[o++] = b;
      column++;
    }
  }
  return out.subarray(0, o);
}

/** The text in the portable character set, by the file's table of it (256 characters after a 200-character splash). */
function translated(text: Uint8Array): Uint8Array {
  if (text.length < 464) throw new PorError("it is cut short: it ends before its character table does");
  const map = new Uint8Array(256).map((_, i) => i);
  for (let i = PORTABLE.length - 1; i >= 0; i--) map[text[200 + 64 + i]!] = PORTABLE.charCodeAt(i);
  return text.map((b) => map[b]!);
}

/** Base-30 numbers ended by "/", strings counted by one, one-character tags. */
class Reader {
  private readonly latin1 = new TextDecoder("windows-1252");
  constructor(
    private readonly text: Uint8Array,
    public at: number,
  ) {}
  fail(reason: string): never {
    throw new PorError(`${reason} (at character ${this.at})`);
  }
  done(): boolean {
    while (this.text[this.at] === 0x20 || this.text[this.at] === 0x0a) this.at++;
    return this.at >= this.text.length || this.text[this.at] === 0x5a; // "Z" fills the rest of the last line
  }
  tag(): string {
    if (this.at >= this.text.length) this.fail("it is cut short: it ends before its cases");
    return String.fromCharCode(this.text[this.at++]!);
  }
  /** A number, NaN for system-missing ("*."). */
  number(): number {
    while (this.text[this.at] === 0x20) this.at++;
    if (this.text[this.at] === 0x2a) {
      this.at += 2;
      return NaN;
    }
    const end = this.text.indexOf(SLASH, this.at);
    if (end < 0) this.fail("it is cut short: a number has no end");
    const written = new TextDecoder("latin1").decode(this.text.subarray(this.at, end));
    this.at = end + 1;
    const match = /^(-?)([0-9A-T]*)(?:\.([0-9A-T]*))?(?:([+-])([0-9A-T]+))?$/.exec(written);
    if (!match || (!match[2] && !match[3])) this.fail(`"${written}" is not a base-30 number`);
    const digits = (s: string) => [...s].reduce((n, c) => n * 30 + parseInt(c, 30), 0);
    const fraction = match[3] ? digits(match[3]) / 30 ** match[3].length : 0;
    const exponent = match[5] ? (match[4] === "-" ? -1 : 1) * digits(match[5]) : 0;
    const value = (digits(match[2] ?? "") + fraction) * 30 ** exponent;
    return match[1] ? -value : value;
  }
  integer(): number {
    const n = this.number();
    if (!Number.isInteger(n) || n < 0) this.fail(`a count is ${n}`);
    return n;
  }
  /**
   * A string, its bytes read as UTF-8 when they are, else as Windows-1252. A string cut to 255 bytes (the longest a
   * portable file holds) may end inside a character: that part is left out.
   */
  string(): string {
    const length = this.integer();
    if (this.at + length > this.text.length) this.fail("it is cut short: a string runs past its end");
    const bytes = this.text.subarray(this.at, this.at + length);
    this.at += length;
    let end = bytes.length;
    while (end > 0 && end > bytes.length - 3 && (bytes[end - 1]! & 0xc0) === 0x80) end--;
    // UTF-8 as it is, or without a last character cut in two; else Windows-1252.
    return utf8Text(bytes) ?? utf8Text(bytes.subarray(0, end > 0 && bytes[end - 1]! >= 0xc0 ? end - 1 : end)) ?? this.latin1.decode(bytes);
  }
}
