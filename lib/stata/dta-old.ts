import { DtaError, variableWidth, type Dta } from "./dataset";

/**
 * A Stata dataset of format 113, 114 or 115 (Stata 8 to 12), which has no tags: a 109-byte header, then fixed-size
 * lists of the variables' types, names, formats and value label names, their labels, expansion fields, the rows and
 * the value label tables (https://www.stata.com/help.cgi?dta_115, "dta_113"). Read into the shape format 117's is,
 * so that one writer turns both into CSV text (dta.ts).
 */
export const OLD_RELEASES = [113, 114, 115];

/** Old type codes → format 117's: byte, int, long, float, double; 1–244 are strings of that many bytes in both. */
const TYPES: Record<number, number> = { 251: 65530, 252: 65529, 253: 65528, 254: 65527, 255: 65526 };

export function readOldDta(bytes: Uint8Array): Dta {
  const release = bytes[0]!;
  if (bytes.length < 109) throw new DtaError("it is cut short: it ends inside its header");
  const little = bytes[1] === 2;
  const data = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const k = data.getUint16(4, little);
  const n = data.getUint32(6, little);
  const text = new TextDecoder("windows-1252");
  const cString = (field: Uint8Array) => {
    const end = field.indexOf(0);
    return text.decode(end < 0 ? field : field.subarray(0, end));
  };
  const formatSize = release === 113 ? 12 : 49;
  const list = (from: number, size: number) => Array.from({ length: k }, (_, i) => cString(bytes.subarray(from + i * size, from + (i + 1) * size)));
  let at = 109;
  const types = Array.from(bytes.subarray(at, at + k), (code) => TYPES[code] ?? code);
  at += k;
  const names = list(at, 33);
  at += 33 * k + 2 * (k + 1); // names, then the sort order
  const formats = list(at, formatSize);
  at += formatSize * k;
  const labels = list(at, 33);
  at += 33 * k + 81 * k; // value label names, then variable labels
  // Expansion fields (notes, characteristics): a type byte and a 4-byte length each, up to a type of 0.
  while (at + 5 <= bytes.length && bytes[at] !== 0) at += 5 + data.getUint32(at + 1, little);
  at += 5;
  const variables = types.map((type, i) => {
    if (!(type >= 1 && type <= 244) && !(type >= 65526 && type <= 65530)) throw new DtaError(`its variable ${names[i]} has a type (${type}) Stata does not write`);
    return { name: names[i]!, type, format: formats[i]!, labels: labels[i]! };
  });
  const width = variables.reduce((sum, v) => sum + variableWidth(v.type), 0);
  if (at + n * width > bytes.length) throw new DtaError("it is cut short: its rows end before the file does");
  return { variables, rows: n, start: at, width, little, release, strls: new Map(), valueLabels: valueLabels(bytes, data, at + n * width, little, cString) };
}

/** The value label tables after the rows: a length, the set's name, then the table (as in format 117). */
function valueLabels(bytes: Uint8Array, data: DataView, from: number, little: boolean, cString: (field: Uint8Array) => string): Map<string, Map<number, string>> {
  const sets = new Map<string, Map<number, string>>();
  let at = from;
  while (at + 4 + 33 + 3 + 8 <= bytes.length) {
    const length = data.getUint32(at, little);
    const name = cString(bytes.subarray(at + 4, at + 4 + 33));
    const table = at + 4 + 33 + 3;
    const count = data.getUint32(table, little);
    const texts = bytes.subarray(table + 8 + count * 8, table + 8 + count * 8 + data.getUint32(table + 4, little));
    const labels = new Map<number, string>();
    for (let i = 0; i < count; i++) labels.set(data.getInt32(table + 8 + count * 4 + i * 4, little), cString(texts.subarray(data.getUint32(table + 8 + i * 4, little))));
    sets.set(name, labels);
    at = table + length;
  }
  return sets;
}
