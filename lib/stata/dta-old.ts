import { DtaError, variableWidth, type Dta } from "./dataset";

/**
 * A Stata dataset of a format before 117 (Stata 1 to 12), which has no tags: a header, then fixed-size lists of the
 * variables' types, names, formats and value label names, their labels, expansion fields, the rows and the value
 * label tables (https://www.stata.com/help.cgi?dta_115, "dta_113"; the older formats as pandas and ReadStat read
 * them). The sizes of the header's and the lists' fields grew over the formats (`layout`). Read into the shape
 * format 117's is, so that one writer gives both (dta.ts).
 */
export const OLD_RELEASES = [102, 103, 104, 105, 108, 110, 111, 113, 114, 115];

/** Type codes of format 111 and later → format 117's: byte, int, long, float, double; 1–244 are strings of that many bytes in both. */
const TYPES: Record<number, number> = { 251: 65530, 252: 65529, 253: 65528, 254: 65527, 255: 65526 };
/** Type codes before format 111: the letters b, i, l, f, d; a string of n bytes is 127 + n. */
const LETTER_TYPES: Record<number, number> = { 98: 65530, 105: 65529, 108: 65528, 102: 65527, 100: 65526 };

/** The sizes of a format's fields, in bytes (an expansion field's length of 0: the format has none). */
function layout(release: number) {
  return {
    rowCount: release === 102 ? 2 : 4,
    dataLabel: release > 105 ? 81 : 32,
    timeStamp: release >= 105 ? 18 : 0,
    name: release > 108 ? 33 : 9,
    format: release > 113 ? 49 : release > 104 ? 12 : 7,
    variableLabel: release > 105 ? 81 : 32,
    expansionLength: release > 108 ? 4 : release > 104 ? 2 : 0,
  };
}

export function readOldDta(bytes: Uint8Array): Dta {
  const release = bytes[0]!;
  const sizes = layout(release);
  const little = bytes[1] === 2;
  const data = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let at = 6 + sizes.rowCount + sizes.dataLabel + sizes.timeStamp;
  if (bytes.length < at) throw new DtaError("it is cut short: it ends inside its header");
  const k = data.getUint16(4, little);
  const n = sizes.rowCount === 2 ? data.getUint16(6, little) : data.getUint32(6, little);
  const text = new TextDecoder("windows-1252");
  const cString = (field: Uint8Array) => {
    const end = field.indexOf(0);
    return text.decode(end < 0 ? field : field.subarray(0, end));
  };
  const label = cString(bytes.subarray(6 + sizes.rowCount, 6 + sizes.rowCount + sizes.dataLabel)).trim();
  const list = (from: number, size: number) => Array.from({ length: k }, (_, i) => cString(bytes.subarray(from + i * size, from + (i + 1) * size)));
  const codes = Array.from(bytes.subarray(at, at + k));
  const types = codes.map((code) => (release >= 111 ? (TYPES[code] ?? code) : (LETTER_TYPES[code] ?? (code > 127 ? code - 127 : 0))));
  at += k;
  const names = list(at, sizes.name);
  at += sizes.name * k + 2 * (k + 1); // names, then the sort order
  const formats = list(at, sizes.format);
  at += sizes.format * k;
  const labels = list(at, sizes.name);
  at += sizes.name * k;
  const variableLabels = list(at, sizes.variableLabel);
  at += sizes.variableLabel * k;
  // Expansion fields (notes, characteristics): a type byte and a length each, up to a type of 0.
  if (sizes.expansionLength) {
    const length = (p: number) => (sizes.expansionLength === 4 ? data.getUint32(p, little) : data.getUint16(p, little));
    while (at + 1 + sizes.expansionLength <= bytes.length && bytes[at] !== 0) at += 1 + sizes.expansionLength + length(at + 1);
    at += 1 + sizes.expansionLength;
  }
  const variables = types.map((type, i) => {
    if (!(type >= 1 && type <= 244) && !(type >= 65526 && type <= 65530)) throw new DtaError(`its variable ${names[i]} has a type (${codes[i]}) Stata does not write`);
    return { name: names[i]!, type, format: formats[i]!, labels: labels[i]!, ...(variableLabels[i] ? { label: variableLabels[i] } : {}) };
  });
  const width = variables.reduce((sum, v) => sum + variableWidth(v.type), 0);
  if (at + n * width > bytes.length) throw new DtaError("it is cut short: its rows end before the file does");
  const end = at + n * width;
  const valueLabels = release >= 108 ? tableLabels(bytes, data, end, sizes.name, little, cString) : listLabels(bytes, data, end, little, cString);
  return { ...(label ? { label } : {}), variables, rows: n, start: at, width, little, release, strls: new Map(), valueLabels };
}

/** The value label tables after the rows (format 108 and later): a length, the set's name, then the table (as in format 117). */
function tableLabels(bytes: Uint8Array, data: DataView, from: number, nameSize: number, little: boolean, cString: (field: Uint8Array) => string): Map<string, Map<number, string>> {
  const sets = new Map<string, Map<number, string>>();
  let at = from;
  while (at + 4 + nameSize + 3 + 8 <= bytes.length) {
    const length = data.getUint32(at, little);
    const name = cString(bytes.subarray(at + 4, at + 4 + nameSize));
    const table = at + 4 + nameSize + 3;
    const count = data.getUint32(table, little);
    const texts = bytes.subarray(table + 8 + count * 8, table + 8 + count * 8 + data.getUint32(table + 4, little));
    const labels = new Map<number, string>();
    for (let i = 0; i < count; i++) labels.set(data.getInt32(table + 8 + count * 4 + i * 4, little), cString(texts.subarray(data.getUint32(table + 8 + i * 4, little))));
    sets.set(name, labels);
    at = table + length;
  }
  return sets;
}

/** The value label lists after the rows (before format 108): a count, the set's name, its codes, then a label of 8 bytes each. */
function listLabels(bytes: Uint8Array, data: DataView, from: number, little: boolean, cString: (field: Uint8Array) => string): Map<string, Map<number, string>> {
  const sets = new Map<string, Map<number, string>>();
  let at = from;
  while (at + 12 <= bytes.length) {
    const count = data.getUint16(at, little);
    const name = cString(bytes.subarray(at + 2, at + 11));
    const codes = at + 12;
    const texts = codes + 2 * count;
    if (texts + 8 * count > bytes.length) throw new DtaError(`it is cut short: its value labels ${name} end before the file does`);
    sets.set(name, new Map(Array.from({ length: count }, (_, i) => [data.getInt16(codes + 2 * i, little), cString(bytes.subarray(texts + 8 * i, texts + 8 * i + 8))])));
    at = texts + 8 * count;
  }
  return sets;
}
