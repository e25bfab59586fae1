import { Parser } from "saxen";
import { stopAt } from "@/lib/xml/parse-error";
import { cellValue, type CellAttributes } from "./cell-value";

/** A sheet of an OpenDocument spreadsheet: its name, whether it is hidden, its rows of cell texts and how many hold one. */
export interface OdsSheet {
  name: string;
  hidden: boolean;
  rows: (string | null)[][];
  cells: number;
}

const NAMESPACES = {
  "urn:oasis:names:tc:opendocument:xmlns:office:1.0": "office",
  "urn:oasis:names:tc:opendocument:xmlns:table:1.0": "table",
  "urn:oasis:names:tc:opendocument:xmlns:text:1.0": "text",
  "urn:oasis:names:tc:opendocument:xmlns:style:1.0": "style",
};

/** A sheet has at most this many rows and columns (LibreOffice's own limits): a repeat past them is left out. */
const MAX_ROWS = 1_048_576;
const MAX_COLUMNS = 16_384;

/**
 * The sheets of an OpenDocument spreadsheet's `content.xml` (LibreOffice, Google Sheets' .ods download), in order.
 * A cell's text is its value as a CSV field (lib/ods/cell-value.ts). Repeated rows and cells (LibreOffice writes
 * identical neighbours once, with a count) are spread out; empty ones after the last value, which fill a sheet to its
 * edges, are left out. Merged cells' covered parts and comments are empty; a table inside a cell is not read.
 */
export function odsSheets(xml: string): OdsSheet[] {
  const parser = new Parser();
  // Namespaces are mapped to these prefixes only where the document does not use them itself (every spreadsheet
  // application does): mapping each element's and attribute's name costs a third of the parse.
  if (!usesOwnPrefixes(xml)) parser.ns(NAMESPACES);
  const sheets: OdsSheet[] = [];
  const hiddenStyles = new Set<string>();
  let tableStyle: string | null = null;
  let tables = 0;
  let sheet: (OdsSheet & { style?: string; emptyRows: number }) | null = null;
  let row: (string | null)[] | null = null;
  let rowRepeat = 1;
  let emptyCells = 0;
  let cell: { attrs: CellAttributes; text: string; paragraphs: number; repeat: number } | null = null;
  let comment = 0;

  parser.on("openTag", (name, rawAttrs, decode, selfClosing) => {
    let once: Record<string, string> | undefined;
    const attrs = () => (once ??= decoded(rawAttrs(), decode));
    if (name === "style:style") tableStyle = attrs()["style:family"] === "table" ? attrs()["style:name"] ?? null : null;
    else if (name === "style:table-properties" && tableStyle !== null && attrs()["table:display"] === "false") hiddenStyles.add(tableStyle);
    else if (name === "table:table") {
      if (tables++ === 0) sheet = { name: attrs()["table:name"] ?? `Sheet${sheets.length + 1}`, hidden: false, rows: [], cells: 0, style: attrs()["table:style-name"], emptyRows: 0 };
    } else if (tables !== 1 || !sheet) return;
    else if (name === "table:table-row") {
      row = [];
      emptyCells = 0;
      rowRepeat = count(attrs()["table:number-rows-repeated"]);
      if (selfClosing) endRow();
    } else if ((name === "table:table-cell" || name === "table:covered-table-cell") && row) {
      const a = attrs();
      cell = { attrs: name === "table:table-cell" ? a : {}, text: "", paragraphs: 0, repeat: count(a["table:number-columns-repeated"]) };
      if (selfClosing) endCell();
    } else if (!cell) return;
    else if (name === "office:annotation") comment++;
    else if (comment > 0) return;
    else if (name === "text:p" || name === "text:h") cell.text += cell.paragraphs++ > 0 ? "\n" : "";
    else if (name === "text:s") cell.text += " ".repeat(count(attrs()["text:c"]));
    else if (name === "text:tab") cell.text += "\t";
    else if (name === "text:line-break") cell.text += "\n";
  });
  parser.on("closeTag", (name, _decode, selfClosing) => {
    if (selfClosing && name !== "office:annotation") return;
    if (name === "table:table") {
      if (--tables === 0 && sheet) sheets.push(endSheet(sheet, hiddenStyles));
      if (tables === 0) sheet = null;
    } else if (tables !== 1) return;
    else if (name === "table:table-row") endRow();
    else if (name === "table:table-cell" || name === "table:covered-table-cell") endCell();
    else if (name === "office:annotation") comment--;
  });
  parser.on("text", (value, decode) => {
    if (cell && comment === 0 && tables === 1) cell.text += value.includes("&") ? decode(value) : value;
  });
  parser.on("error", stopAt);

  function endCell() {
    if (!cell || !row) return;
    const value = cellValue(cell.attrs, cell.text);
    const repeat = Math.min(cell.repeat, MAX_COLUMNS - row.length - emptyCells);
    if (value === null) emptyCells += Math.max(0, repeat);
    else {
      for (; emptyCells > 0; emptyCells--) row.push(null);
      for (let i = 0; i < repeat; i++) row.push(value);
      sheet!.cells += Math.max(0, repeat);
    }
    cell = null;
  }

  function endRow() {
    if (!row || !sheet) return;
    const rows = sheet.rows;
    const repeat = Math.min(rowRepeat, MAX_ROWS - rows.length - sheet.emptyRows);
    if (row.length === 0) sheet.emptyRows += Math.max(0, repeat);
    else {
      for (; sheet.emptyRows > 0; sheet.emptyRows--) rows.push([]);
      for (let i = 0; i < repeat; i++) rows.push(i === 0 ? row : [...row]);
      sheet.cells += row.filter((v) => v !== null).length * Math.max(0, repeat - 1);
    }
    row = null;
  }

  parser.parse(xml);
  return sheets;
}

function endSheet(sheet: OdsSheet & { style?: string }, hiddenStyles: ReadonlySet<string>): OdsSheet {
  return { name: sheet.name, hidden: sheet.style !== undefined && hiddenStyles.has(sheet.style), rows: sheet.rows, cells: sheet.cells };
}

/** Whether the document's root element declares the prefixes `NAMESPACES` maps to, for the namespaces they stand for. */
function usesOwnPrefixes(xml: string): boolean {
  const root = /<office:document-content\b[^>]*>/.exec(xml.slice(0, 16_384))?.[0] ?? "";
  return Object.entries(NAMESPACES).every(([uri, prefix]) => root.includes(`xmlns:${prefix}="${uri}"`));
}

/** Attributes with their entities decoded (`&amp;` in a sheet's name), where they have any. */
function decoded(attrs: Record<string, string>, decode: (s: string) => string): Record<string, string> {
  for (const key in attrs) if (attrs[key]!.includes("&")) attrs[key] = decode(attrs[key]!);
  return attrs;
}

/** A repeat count attribute (1 when there is none). */
const count = (value: string | undefined): number => Math.max(1, Number.parseInt(value ?? "1", 10) || 1);
