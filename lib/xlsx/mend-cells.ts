import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { sharedStringCount, sharedStringsPath } from "./sheet-head";
import { attribute, sheetXmlPath, unescapeXml } from "./shown-formats";

/**
 * Cells of a sheet's XML whose value its type does not allow, which the workbook reader refuses the whole sheet for
 * ("<c/> at row 3, col 2: VALUE_INVALID"): a boolean written `true` instead of 1, a number cell holding `n/a`, a
 * date that is no date, a shared string the workbook does not hold, a text cell without its text. Workbooks that
 * programs other than Excel write have them. Each is mended where it is, as a spreadsheet application would show
 * it: a value kept as its text, a cell without one left empty; and each is listed with its address, for the read to
 * say.
 */
export interface MendedCell {
  /** Its address, `B3`. */
  cell: string;
  /** What it held, as written (empty when nothing). */
  text: string;
  /** The type it was given. */
  type: "boolean" | "number" | "date" | "shared string" | "text" | "error" | "unknown";
  /** Read as its text, or as empty. */
  read: "text" | "empty";
}

/** What a read of a sheet says when one of its cells is refused (read-excel-file's `InvalidSpreadsheetError`). */
export const REFUSED_CELL = /^<c\/> at row \d+, col \d+: (VALUE_INVALID|VALUE_MISSING|TYPE_INVALID)$/;

const TYPES: Record<string, MendedCell["type"]> = { b: "boolean", n: "number", d: "date", s: "shared string", str: "text", inlineStr: "text", e: "error" };

const withoutType = (attrs: string) => attrs.replace(/\st="[^"]*"/, "");

/** Whether the workbook reader refuses a cell of type `t` with the value `v` (undefined: no `<v>`). */
function refused(t: string, v: string | undefined, inline: boolean, strings: number): boolean {
  if (t === "str") return v === undefined;
  if (t === "inlineStr") return !inline;
  if (t === "s") return !v || !/^\d+$/.test(v) || Number(v) >= strings;
  if (t === "b") return v !== "0" && v !== "1";
  if (t === "e") return !v;
  if (t === "d") return !!v && Number.isNaN(new Date(v).valueOf());
  if (t === "n") return !!v && Number.isNaN(Number(v));
  return true;
}

/** The sheet's XML with its refused cells mended, and those cells; `strings`, how many shared strings the workbook holds. */
export function mendCells(sheetXml: string, strings: number): { xml: string; mended: MendedCell[] } {
  const mended: MendedCell[] = [];
  const xml = sheetXml.replace(/<c\b([^>]*?)(\/>|>([\s\S]*?)<\/c>)/g, (whole, attrs: string, _end: string, inner: string | undefined) => {
    const t = attribute(attrs, "t") ?? "n";
    const v = inner === undefined ? undefined : /<v\b[^>]*>([\s\S]*?)<\/v>/.exec(inner)?.[1] ?? (/<v\b[^>]*\/>/.test(inner) ? "" : undefined);
    if (!refused(t, v, inner !== undefined && /<is\b/.test(inner), strings)) return whole;
    const cell = attribute(attrs, "r") ?? "";
    const type = TYPES[t] ?? "unknown";
    // A value kept as its text (a shared string's index means nothing as text); a cell without one, left empty.
    if (v && t !== "s") {
      mended.push({ cell, text: v, type, read: "text" });
      return `<c${withoutType(attrs)} t="str"><v>${v}</v></c>`;
    }
    mended.push({ cell, text: v ?? "", type, read: "empty" });
    return `<c${withoutType(attrs)}/>`;
  });
  return { xml, mended };
}

/** The sentence for the staged file's findings: which cells were mended, and how. */
export function describeMendedCells({ count, first }: { count: number; first: readonly MendedCell[] }): string {
  const listed = first.slice(0, 5).map((m) => (m.text ? `${m.cell} (“${unescapeXml(m.text)}” in a ${m.type} cell)` : `${m.cell} (a ${m.type} cell without its value)`));
  const more = count > listed.length ? ` and ${count - listed.length} more` : "";
  const kept = first.some((m) => m.read === "text");
  const emptied = first.some((m) => m.read === "empty");
  const how = kept && emptied ? "read as their text, or empty where they had none" : kept ? (count === 1 ? "read as its text" : "read as their text") : "read as empty";
  return `${count === 1 ? "A cell holds a value its" : `${count} cells hold values their`} type does not allow (as programs other than Excel write them): ${listed.join(", ")}${more}; ${how}.`;
}

/**
 * The workbook again with the sheet's refused cells mended (the first sheet when none is named), and those cells;
 * null when there is nothing to mend (the reader refused something else) or the bytes are not an Excel workbook.
 */
export function mendedWorkbook(bytes: Uint8Array, sheet: string | undefined): { bytes: Uint8Array<ArrayBuffer>; mended: MendedCell[] } | null {
  try {
    const parts = unzipSync(bytes);
    const workbook = parts["xl/workbook.xml"];
    const rels = parts["xl/_rels/workbook.xml.rels"];
    const path = workbook && rels ? sheetXmlPath(strFromU8(workbook), strFromU8(rels), sheet) : null;
    const xml = path && parts[path];
    if (!xml) return null;
    // A workbook without its shared strings where its relations say (or under another name) has its indexes left as they are.
    const strings = parts[sharedStringsPath(strFromU8(rels!))];
    const { xml: fixed, mended } = mendCells(strFromU8(xml), strings ? sharedStringCount(strFromU8(strings)) : Infinity);
    if (mended.length === 0) return null;
    parts[path] = strToU8(fixed);
    return { bytes: zipSync(parts, { level: 0 }) as Uint8Array<ArrayBuffer>, mended };
  } catch {
    return null;
  }
}
