import type { ColumnType, TypedTable, TypedCell, TypedColumn } from "@/lib/typed-table/table";
import { textCell } from "@/lib/typed-table/text";
import { DtaError, STRL, variableWidth, WIDTHS, type Dta, type DtaVariable } from "./dataset";
import { OLD_RELEASES, readOldDta } from "./dta-old";

/**
 * A Stata dataset (.dta) of format 117, 118 or 119 (Stata 13 and later): tagged sections located by its map,
 * its variables' types, names and display formats, its rows, its long strings (strLs) and value labels
 * (https://www.stata.com/help.cgi?dta); the formats before, 102 to 115 (Stata 1 to 12), by dta-old.ts.
 */
export function readDta(bytes: Uint8Array): Dta {
  const head = new TextDecoder("latin1").decode(bytes.subarray(0, 512));
  if (!head.startsWith("<stata_dta>")) {
    const byteOrder = bytes[1] === 1 || bytes[1] === 2;
    if (OLD_RELEASES.includes(bytes[0]!) && byteOrder) return readOldDta(bytes);
    throw new DtaError(bytes[0]! >= 102 && bytes[0]! < 117 && byteOrder ? `its format (${bytes[0]}) is not one Stata writes; open it in Stata and save it again` : "it does not start as a Stata dataset does");
  }
  const release = Number(/<release>(\d+)<\/release>/.exec(head)?.[1]);
  if (![117, 118, 119].includes(release)) throw new DtaError(`its format (${release}) is not one Stata 13 to 18 writes`);
  const little = /<byteorder>LSF/.test(head);
  const data = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const u16 = (at: number) => data.getUint16(at, little);
  const u32 = (at: number) => data.getUint32(at, little);
  const u64 = (at: number) => Number(data.getBigUint64(at, little));
  let at = head.indexOf("<K>") + 3;
  const k = release === 119 ? u32(at) : u16(at);
  at = head.indexOf("<N>") + 3;
  const n = release === 117 ? u32(at) : u64(at);
  const mapAt = indexOf(bytes, "<map>", 0) + 5;
  const map = Array.from({ length: 14 }, (_, i) => u64(mapAt + i * 8));
  const wide = release !== 117;
  const text = new TextDecoder(wide ? "utf-8" : "windows-1252");
  const strings = (offset: number, tag: string, size: number) =>
    Array.from({ length: k }, (_, i) => cString(text, bytes.subarray(offset + tag.length + 2 + i * size, offset + tag.length + 2 + (i + 1) * size)));
  const types = Array.from({ length: k }, (_, i) => u16(map[2]! + "<variable_types>".length + i * 2));
  const names = strings(map[3]!, "varnames", wide ? 129 : 33);
  const formats = strings(map[5]!, "formats", wide ? 57 : 49);
  const labels = strings(map[6]!, "value_label_names", wide ? 129 : 33);
  // Format 117's map can point past its variable labels (pandas reads them after the value label names instead).
  const variableLabels = strings(release === 117 ? map[6]! + "<value_label_names></value_label_names>".length + 33 * k : map[7]!, "variable_labels", wide ? 321 : 81);
  const variables = types.map((type, i) => ({ name: names[i]!, type, format: formats[i]!, labels: labels[i]!, ...(variableLabels[i] ? { label: variableLabels[i] } : {}) }));
  for (const v of variables) if (!(v.type <= 2045 || v.type === STRL || WIDTHS[v.type])) throw new DtaError(`its variable ${v.name} has a type (${v.type}) Stata does not write`);
  const width = variables.reduce((sum, v) => sum + variableWidth(v.type), 0);
  const start = map[9]! + "<data>".length;
  if (start + n * width > bytes.length) throw new DtaError("it is cut short: its rows end before the file does");
  // The dataset's label: its length (2 bytes, 1 in format 117), then its text.
  const labelAt = head.indexOf("<label>") + "<label>".length;
  const labelLength = release === 117 ? bytes[labelAt]! : u16(labelAt);
  const label = text.decode(bytes.subarray(labelAt + (release === 117 ? 1 : 2), labelAt + (release === 117 ? 1 : 2) + labelLength)).trim();
  return { ...(label ? { label } : {}), variables, rows: n, start, width, little, release, strls: readStrls(bytes, data, map[10]!, map[11]!, release, little, text), valueLabels: readValueLabels(bytes, data, map[11]!, map[12]!, wide, little, text) };
}

function indexOf(bytes: Uint8Array, tag: string, from: number): number {
  const first = tag.charCodeAt(0);
  for (let i = from; i < bytes.length; i++) if (bytes[i] === first && [...tag].every((c, j) => bytes[i + j] === c.charCodeAt(0))) return i;
  throw new DtaError(`it has no ${tag} section`);
}

const cString = (text: TextDecoder, bytes: Uint8Array) => {
  const end = bytes.indexOf(0);
  return text.decode(end < 0 ? bytes : bytes.subarray(0, end));
};

/** The long strings (GSO blocks), keyed `variable:observation`. */
function readStrls(bytes: Uint8Array, data: DataView, from: number, to: number, release: number, little: boolean, text: TextDecoder): Map<string, string> {
  const strls = new Map<string, string>();
  let at = from + "<strls>".length;
  while (at + 3 <= to && bytes[at] === 0x47 && bytes[at + 1] === 0x53 && bytes[at + 2] === 0x4f) {
    const v = data.getUint32(at + 3, little);
    const o = release === 117 ? data.getUint32(at + 7, little) : Number(data.getBigUint64(at + 7, little));
    at += release === 117 ? 11 : 15;
    const binary = bytes[at] === 129;
    const length = data.getUint32(at + 1, little);
    const content = bytes.subarray(at + 5, at + 5 + length);
    strls.set(`${v}:${o}`, binary ? text.decode(content) : cString(text, content));
    at += 5 + length;
  }
  return strls;
}

/** The value label sets: each a table of codes and their labels. */
function readValueLabels(bytes: Uint8Array, data: DataView, from: number, to: number, wide: boolean, little: boolean, text: TextDecoder): Map<string, Map<number, string>> {
  const sets = new Map<string, Map<number, string>>();
  let at = from + "<value_labels>".length;
  const nameSize = wide ? 129 : 33;
  while (at + 5 <= to && new TextDecoder("latin1").decode(bytes.subarray(at, at + 5)) === "<lbl>") {
    const length = data.getUint32(at + 5, little);
    const name = cString(text, bytes.subarray(at + 9, at + 9 + nameSize));
    const table = at + 9 + nameSize + 3;
    const count = data.getUint32(table, little);
    const textLength = data.getUint32(table + 4, little);
    const texts = table + 8 + count * 8;
    const labels = new Map<number, string>();
    for (let i = 0; i < count; i++) {
      const offset = data.getUint32(table + 8 + i * 4, little);
      labels.set(data.getInt32(table + 8 + count * 4 + i * 4, little), cString(text, bytes.subarray(texts + offset, texts + textLength)));
    }
    sets.set(name, labels);
    at = table + length + "</lbl>".length;
  }
  return sets;
}

const DAY_MS = 86_400_000;
const EPOCH_1960 = Date.UTC(1960, 0, 1);

/** The dataset's variables and rows: labels for labelled codes, dates for dates, missing values null. */
export function dtaTable(bytes: Uint8Array, dta: Dta): TypedTable {
  return { ...(dta.label ? { label: dta.label } : {}), columns: dta.variables.map(typedColumn), rows: dtaRows(bytes, dta), rowCount: dta.rows };
}

function typedColumn(v: DtaVariable): TypedColumn {
  const type = v.type <= 2045 || v.type === STRL ? "text" : v.labels ? "labelled" : DATE.test(v.format) ? "date" : DATETIME.test(v.format) ? "timestamp" : "number";
  return { name: v.name, type, ...(v.label ? { label: v.label } : {}) };
}

const DATE = /^%-?t?d/;
const DATETIME = /^%-?tc/i;

function* dtaRows(bytes: Uint8Array, dta: Dta): Generator<TypedCell[]> {
  const data = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const text = new TextDecoder(dta.release <= 117 ? "windows-1252" : "utf-8");
  const decode = (b: Uint8Array) => text.decode(b);
  const types = dta.variables.map((v) => typedColumn(v).type);
  // Where each variable's value starts in a row.
  const offsets: number[] = [];
  for (let i = 0, at = 0; i < dta.variables.length; i++) {
    offsets.push(at);
    at += variableWidth(dta.variables[i]!.type);
  }
  const values: TypedCell[] = [];
  for (let r = 0; r < dta.rows; r++) {
    const row = dta.start + r * dta.width;
    for (let i = 0; i < types.length; i++) values[i] = cell(bytes, data, row + offsets[i]!, dta.variables[i]!, types[i]!, dta, decode);
    yield values;
  }
}

/** A value, null when missing (a column's type as typedColumn gives it). */
function cell(bytes: Uint8Array, data: DataView, at: number, v: DtaVariable, type: ColumnType, dta: Dta, decode: (b: Uint8Array) => string): TypedCell {
  if (v.type <= 2045) {
    // Text ends at its first NUL, or fills its width.
    let end = at;
    while (end < at + v.type && bytes[end] !== 0) end++;
    return textCell(bytes.subarray(at, end), decode);
  }
  if (v.type === STRL) {
    const key = dta.release === 117 ? `${data.getUint32(at, dta.little)}:${data.getUint32(at + 4, dta.little)}` : strlKey(data, at, dta);
    return key === "0:0" ? null : (dta.strls.get(key) ?? null) || null;
  }
  const little = dta.little;
  const number =
    v.type === 65526 ? missingAbove(data.getFloat64(at, little), dta.release <= 105 ? OLD_DOUBLE_MISSING : 8.988465674311579e307)
    : v.type === 65527 ? missingAbove(data.getFloat32(at, little), 1.701e38)
    : v.type === 65528 ? missingAbove(data.getInt32(at, little), dta.release <= 111 ? 2147483646 : 2147483620)
    : v.type === 65529 ? missingAbove(data.getInt16(at, little), dta.release <= 111 ? 32766 : 32740)
    : missingAbove(data.getInt8(at), dta.release <= 111 ? 126 : 100);
  // A missing value is empty, or its label where its column's labels name it (`.a` as "Refused"; Stata 8 and later).
  if (number === null) return type === "labelled" && dta.release >= 113 ? (dta.valueLabels.get(v.labels!)?.get(missingLabelKey(data, at, v.type, little)) ?? null) : null;
  // A labelled code as its label (its number as text when it has none); a date or date-time as milliseconds from 1970.
  if (type === "labelled") return dta.valueLabels.get(v.labels!)?.get(number) ?? String(number);
  if (type === "date") return EPOCH_1960 + Math.round(number) * DAY_MS;
  return type === "timestamp" ? EPOCH_1960 + number : number;
}

/** A strL's key in format 118 (2 bytes of variable, 6 of observation) or 119 (3 and 5). */
function strlKey(data: DataView, at: number, dta: Dta): string {
  const bytes = new Uint8Array(data.buffer, data.byteOffset + at, 8);
  const split = dta.release === 118 ? 2 : 3;
  const part = (from: number, to: number) => {
    const slice = dta.little ? Array.from(bytes.subarray(from, to)).reverse() : Array.from(bytes.subarray(from, to));
    return slice.reduce((n, b) => n * 256 + b, 0);
  };
  return `${part(0, split)}:${part(split, 8)}`;
}

/**
 * The key a value label table gives a missing value (`.` 2147483621, `.a` to `.z` the 26 after it), from the value
 * stored: each type's missing values are its largest, one apart (a float's and a double's 2^11 and 2^40 apart in their bits).
 */
function missingLabelKey(data: DataView, at: number, type: number, little: boolean): number {
  const k =
    type === 65526 ? Number((data.getBigUint64(at, little) - 0x7fe0000000000000n) >> 40n)
    : type === 65527 ? (data.getUint32(at, little) - 0x7f000000) / 0x800
    : type === 65528 ? data.getInt32(at, little) - 2147483621
    : type === 65529 ? data.getInt16(at, little) - 32741
    : data.getInt8(at) - 101;
  return 2147483621 + k;
}

/** Before format 113 a numeric type had one missing value, its largest (`.` only); a double's was 2^333 up to format 105. */
const OLD_DOUBLE_MISSING = 2 ** 333 * (1 - Number.EPSILON);
const missingAbove = (value: number, most: number): number | null => (Number.isNaN(value) || value > most ? null : value);

