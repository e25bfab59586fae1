import { FormatError } from "@/lib/format-error";
import { unzlibSync } from "fflate";
import type { ColumnType, TypedTable, TypedCell } from "@/lib/typed-table/table";
import { paddedTextCell } from "@/lib/typed-table/text";
import { longNamesOf, longStringMissingValues, longStringValueLabels } from "./long-strings";
import { spssNumberValue, spssTextValue, spssType, type SpssNumeric } from "./values";

/**
 * An SPSS system file (.sav), as SPSS and GNU PSPP write one (https://www.gnu.org/software/pspp/pspp-dev/html_node/System-File-Format.html):
 * its dictionary (variables, long names, very long strings, missing values, value labels, encoding), then its
 * cases, uncompressed, bytecode-compressed, or that bytecode in ZLIB blocks (a .zsav file).
 */
export class SavError extends FormatError {}

/** A variable record of the dictionary: one 8-byte slot of a case. */
export interface Slot extends SpssNumeric {
  /** 0: a number; otherwise the width of a string (this slot the first of its 8-byte pieces). */
  width: number;
  name: string;
  /** Its variable label, decoded once the encoding is known. */
  label?: string;
  rawLabel?: Uint8Array;
  /** A string variable's declared missing values, each 8 bytes, decoded once the encoding is known. */
  rawMissing?: Uint8Array[];
}

/** A variable: its first slot's record, its long name and whole width (a very long string's), and the slots it takes. */
export interface SavVariable extends Slot {
  /** Its slots in a case: the first, and how many (a string of 9 to 16 characters takes two; a very long one many). */
  slot: number;
  slots: number;
}

export interface Sav {
  /** The file's label (its header's 64 bytes after the creation time), if it has one. */
  label?: string;
  variables: SavVariable[];
  cases: number;
  caseSlots: number;
  compressed: boolean;
  /** The bytecode is in ZLIB blocks (a .zsav file). */
  zlib: boolean;
  bias: number;
  little: boolean;
  /** Where the cases start. */
  start: number;
  text: TextDecoder;
}

export function readSav(bytes: Uint8Array): Sav {
  const magic = String.fromCharCode(...bytes.subarray(0, 4));
  if (magic !== "$FL2" && magic !== "$FL3") throw new SavError("it does not start as an SPSS data file does");
  const data = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const little = data.getInt32(64, true) === 2 || data.getInt32(64, true) === 3;
  const i32 = (at: number) => data.getInt32(at, little);
  const f64 = (at: number) => data.getFloat64(at, little);
  const compression = i32(72);
  const cases = i32(80);
  const bias = f64(84);
  const slots: (Slot | null)[] = [];
  // Value labels are decoded once the encoding is known (a record at the dictionary's end names it).
  const labelSets: { raw: [number, Uint8Array, Uint8Array][]; slots: number[] }[] = [];
  let longStringLabels: Uint8Array | null = null;
  let longStringMissing: Uint8Array | null = null;
  let longNames = "";
  let veryLong = "";
  let encoding = "windows-1252";
  let at = 176;
  for (;;) {
    if (at + 4 > bytes.length) throw new SavError("its dictionary is cut short");
    const type = i32(at);
    if (type === 2) {
      const width = i32(at + 4);
      const hasLabel = i32(at + 8);
      const missingCount = i32(at + 12);
      const format = (i32(at + 16) >> 16) & 0xff;
      const name = String.fromCharCode(...bytes.subarray(at + 24, at + 32)).trim();
      at += 32;
      const rawLabel = hasLabel ? bytes.subarray(at + 4, at + 4 + i32(at)) : undefined;
      if (hasLabel) at += 4 + Math.ceil(i32(at) / 4) * 4;
      const missing = Array.from({ length: Math.abs(missingCount) }, (_, i) => f64(at + i * 8));
      // A string variable's are its first 8 bytes' texts (SPSS declares no range of strings).
      const rawMissing = width > 0 ? Array.from({ length: Math.abs(missingCount) }, (_, i) => bytes.subarray(at + i * 8, at + i * 8 + 8)) : [];
      at += Math.abs(missingCount) * 8;
      if (width === -1) slots.push(null);
      else if (width > 0) slots.push({ width, name, format, missing: [], ...(rawMissing.length ? { rawMissing } : {}), ...(rawLabel?.length ? { rawLabel } : {}) });
      else slots.push({ width, name, format, missing: missingCount < 0 ? missing.slice(2) : missing, ...(missingCount < 0 ? { range: [missing[0]!, missing[1]!] as [number, number] } : {}), ...(rawLabel?.length ? { rawLabel } : {}) });
    } else if (type === 3) {
      const count = i32(at + 4);
      at += 8;
      // Each value as a number, and as the 8 bytes of a short string's value.
      const raw: [number, Uint8Array, Uint8Array][] = [];
      for (let i = 0; i < count; i++) {
        const value = f64(at);
        const length = bytes[at + 8]!;
        raw.push([value, bytes.subarray(at + 9, at + 9 + length), bytes.subarray(at, at + 8)]);
        at += Math.ceil((length + 9) / 8) * 8;
      }
      if (i32(at) !== 4) throw new SavError("its value labels are not followed by their variables");
      const vars = Array.from({ length: i32(at + 4) }, (_, i) => i32(at + 8 + i * 4) - 1);
      at += 8 + vars.length * 4;
      labelSets.push({ raw, slots: vars });
    } else if (type === 6) at += 8 + i32(at + 4) * 80;
    else if (type === 7) {
      const subtype = i32(at + 4);
      const size = i32(at + 8) * i32(at + 12);
      const body = bytes.subarray(at + 16, at + 16 + size);
      if (subtype === 13) longNames = new TextDecoder(encoding).decode(body);
      else if (subtype === 14) veryLong = new TextDecoder(encoding).decode(body);
      else if (subtype === 20) encoding = String.fromCharCode(...body).toLowerCase();
      else if (subtype === 21) longStringLabels = body;
      else if (subtype === 22) longStringMissing = body;
      else if (subtype === 3 && size >= 32) encoding = CODE_PAGES[new DataView(body.buffer, body.byteOffset, size).getInt32(28, little)] ?? encoding;
      at += 16 + size;
    } else if (type === 999) {
      at += 8;
      break;
    } else throw new SavError(`its dictionary has a record of an unknown kind (${type}) at byte ${at}`);
  }
  let text: TextDecoder;
  try {
    text = new TextDecoder(encoding);
  } catch {
    text = new TextDecoder("windows-1252");
  }
  for (const s of slots) if (s?.rawLabel) s.label = text.decode(s.rawLabel).trim();
  for (const s of slots) if (s?.rawMissing) s.missingTexts = s.rawMissing.map((b) => text.decode(b).replace(/[ \0]+$/, ""));
  for (const { raw, slots: vars } of labelSets) {
    const labels = new Map(raw.map(([value, label]) => [value, text.decode(label)]));
    const textLabels = new Map(raw.map(([, label, value]) => [text.decode(value).replace(/[ \0]+$/, ""), text.decode(label)]));
    for (const v of vars) {
      const slot = slots[v];
      if (slot && slot.width > 0) slot.textLabels = textLabels;
      else if (slot) slot.labels = labels;
    }
  }
  if (longStringLabels) longStringValueLabels(longStringLabels, slots, longNames, little, text);
  if (longStringMissing) longStringMissingValues(longStringMissing, slots, longNames, little, text);
  const label = text.decode(bytes.subarray(109, 173)).trim();
  return { ...(label ? { label } : {}), variables: variablesOf(slots, longNames, veryLong), cases, caseSlots: slots.length, compressed: compression !== 0, zlib: compression === 2, bias, little, start: at, text };
}

/** Code pages by the number SPSS writes for them, of those a browser decodes. */
const CODE_PAGES: Record<number, string> = { 65001: "utf-8", 1252: "windows-1252", 1250: "windows-1250", 1251: "windows-1251", 28591: "iso-8859-1", 932: "shift_jis", 936: "gbk", 949: "euc-kr", 950: "big5", 2: "windows-1252" };

/** The variables from their slots: long names for the short ones, a very long string's segments taken as one. */
function variablesOf(slots: (Slot | null)[], longNames: string, veryLong: string): SavVariable[] {
  const names = longNamesOf(longNames);
  const widths = new Map(veryLong.split(/\0?\t/).map((pair) => pair.replace(/\0+$/, "")).filter(Boolean).map((pair) => [pair.split("=")[0]!, Number(pair.split("=")[1])]));
  const variables: SavVariable[] = [];
  for (let i = 0; i < slots.length; i++) {
    const s = slots[i];
    if (!s) continue;
    const width = widths.get(s.name) ?? s.width;
    // A very long string is stored as segments of 255 bytes, each a string variable of its own (SPSS counts one a 252 bytes of its width).
    const segments = width > 255 ? Math.ceil(width / 252) : 1;
    let slotsUsed = 0;
    for (let seg = 0, j = i; seg < segments; seg++) {
      const span = Math.max(1, Math.ceil((slots[j]?.width ?? 8) / 8));
      slotsUsed += span;
      j += span;
    }
    variables.push({ name: names.get(s.name) ?? s.name, slot: i, slots: slotsUsed, width, format: s.format, missing: s.missing, ...(s.range ? { range: s.range } : {}), ...(s.labels ? { labels: s.labels } : {}), ...(s.textLabels ? { textLabels: s.textLabels } : {}), ...(s.missingTexts ? { missingTexts: s.missingTexts } : {}), ...(s.label ? { label: s.label } : {}) });
    i += slotsUsed - 1;
  }
  return variables;
}

const SYSMIS = -Number.MAX_VALUE;

/** The variables and cases: labels for labelled codes, dates, missing values null. */
export function savTable(bytes: Uint8Array, sav: Sav): TypedTable {
  const columns = sav.variables.map((v) => ({ name: v.name, type: v.width > 0 ? ("text" as const) : spssType(v), ...(v.label ? { label: v.label } : {}) }));
  return { ...(sav.label ? { label: sav.label } : {}), columns, rows: savRows(bytes, sav), ...(sav.cases >= 0 ? { rowCount: sav.cases } : {}) };
}

function* savRows(bytes: Uint8Array, sav: Sav): Generator<TypedCell[]> {
  const cases = sav.zlib ? bytecodeCases(zlibBytecode(bytes, sav), { ...sav, start: 0 }) : sav.compressed ? bytecodeCases(bytes, sav) : plainCases(bytes, sav);
  const values: TypedCell[] = [];
  const decode = (b: Uint8Array) => sav.text.decode(b);
  const types = sav.variables.map((v) => (v.width > 0 ? "text" : spssType(v)));
  for (const slots of cases) {
    const data = new DataView(slots.buffer, slots.byteOffset, slots.byteLength);
    for (let i = 0; i < types.length; i++) values[i] = value(slots, data, sav.variables[i]!, types[i]!, sav, decode);
    yield values;
  }
}

/** One case: its slots of 8 bytes each, one after the other (the next case may be read into the same bytes). */
type Case = Uint8Array;

function* plainCases(bytes: Uint8Array, sav: Sav): Generator<Case> {
  const size = sav.caseSlots * 8;
  for (let at = sav.start, n = 0; at + size <= bytes.length && (sav.cases < 0 || n < sav.cases); at += size, n++) yield bytes.subarray(at, at + size);
}

/** Cases of a bytecode-compressed file: blocks of 8 codes, each a small number, a value that follows, spaces or missing. */
function* bytecodeCases(bytes: Uint8Array, sav: Sav): Generator<Case> {
  const slots = new Uint8Array(sav.caseSlots * 8);
  const codes = new DataView(slots.buffer);
  let at = sav.start;
  let block = 0;
  let next = 8;
  let filled = 0;
  for (let n = 0; sav.cases < 0 || n < sav.cases; ) {
    if (next === 8) {
      if (at + 8 > bytes.length) return;
      block = at;
      at += 8;
      next = 0;
    }
    const code = bytes[block + next++]!;
    if (code === 0) continue;
    if (code === 252) return;
    if (code === 253) {
      if (at + 8 > bytes.length) return;
      // Eight bytes copied one by one: a view of them made for each value took longer than the copy.
      for (let k = 0, to = filled * 8; k < 8; k++) slots[to + k] = bytes[at + k]!;
      at += 8;
    } else if (code === 254) slots.fill(0x20, filled * 8, filled * 8 + 8);
    else codes.setFloat64(filled * 8, code === 255 ? SYSMIS : code - sav.bias, sav.little);
    if (++filled === sav.caseSlots) {
      yield slots;
      filled = 0;
      n++;
    }
  }
}

/**
 * A .zsav file's bytecode: after the dictionary, where its header and trailer are; the trailer lists the ZLIB blocks
 * (each one's offset and size, compressed and not), inflated one after the other.
 */
function zlibBytecode(bytes: Uint8Array, sav: Sav): Uint8Array {
  const data = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const i64 = (at: number) => Number(data.getBigInt64(at, sav.little));
  const trailer = i64(sav.start + 8);
  if (trailer + 24 > bytes.length) throw new SavError("its ZLIB trailer is past its end");
  const blocks = data.getInt32(trailer + 20, sav.little);
  const parts: Uint8Array[] = [];
  for (let i = 0; i < blocks; i++) {
    const at = trailer + 24 + i * 24;
    const from = i64(at + 8);
    const size = data.getInt32(at + 20, sav.little);
    if (from + size > bytes.length) throw new SavError("a ZLIB block of its cases is past its end");
    parts.push(unzlibSync(bytes.subarray(from, from + size)));
  }
  const out = new Uint8Array(parts.reduce((sum, p) => sum + p.length, 0));
  parts.reduce((at, p) => (out.set(p, at), at + p.length), 0);
  return out;
}

function value(slots: Case, data: DataView, v: SavVariable, type: ColumnType, sav: Sav, decode: (bytes: Uint8Array) => string): TypedCell {
  if (v.width > 0) {
    const from = v.slot * 8;
    const cell = v.width > 255 ? paddedTextCell(segmentsOf(slots.subarray(from, from + v.slots * 8), v.width), 0, v.width, decode) : paddedTextCell(slots, from, v.width, decode);
    if ((!v.textLabels && !v.missingTexts) || cell === null) return cell;
    return spssTextValue(typeof cell === "string" ? cell : decode(cell as Uint8Array), cell, v);
  }
  const number = data.getFloat64(v.slot * 8, sav.little);
  return spssNumberValue(number === SYSMIS ? NaN : number, v, type);
}

/**
 * A very long string's text from its segments, each a string of 255 bytes (32 slots) but the last: their bytes one
 * after the other, as GNU PSPP writes and reads them.
 */
function segmentsOf(joined: Uint8Array, width: number): Uint8Array {
  const out = new Uint8Array(width);
  for (let seg = 0, done = 0; done < width; seg++) {
    const take = Math.min(255, width - done);
    out.set(joined.subarray(seg * 256, seg * 256 + take), done);
    done += take;
  }
  return out;
}
