import { Parser } from "saxen";
import { isoDateTimeText } from "@/lib/xlsx/cell-text";
import { stopAt } from "./parse-error";

/** A worksheet of an XML Spreadsheet 2003 document: its name and rows of cell texts. */
export interface XmlWorksheet {
  name: string;
  rows: (string | null)[][];
}

/** The root of Excel's XML Spreadsheet 2003 (SpreadsheetML), which many applications still export under an `.xls` name. */
export const isSpreadsheetMl = (head: string) => /<(?:\w+:)?Workbook\b[^>]*urn:schemas-microsoft-com:office:spreadsheet/.test(head.slice(0, 4096));

/** Rows and columns past these (Excel's own limits) are left out. */
const MAX_ROWS = 1_048_576;
const MAX_COLUMNS = 16_384;

/**
 * The worksheets of an XML Spreadsheet 2003 document, in order: each `Row` a row (`ss:Index` skipping rows), each
 * `Cell` a value at its column (`ss:Index` skipping columns, `ss:MergeAcross` spanning them), its `Data` as CSV text:
 * a number as written, a date at midnight as a date, another as a timestamp, a boolean as true or false, text as written.
 */
export function spreadsheetMlSheets(xml: string): XmlWorksheet[] {
  const parser = new Parser();
  const sheets: XmlWorksheet[] = [];
  let sheet: XmlWorksheet | null = null;
  let row: (string | null)[] | null = null;
  let data: { type: string; text: string } | null = null;
  let span = 0;
  const local = (name: string) => name.slice(name.indexOf(":") + 1);
  const attr = (attrs: Record<string, string>, name: string): string | undefined => attrs[`ss:${name}`] ?? attrs[name];

  parser.on("openTag", (name, rawAttrs, decode, selfClosing) => {
    const tag = local(name);
    if (tag === "Worksheet") sheet = { name: decode(attr(rawAttrs(), "Name") ?? `Sheet${sheets.length + 1}`), rows: [] };
    else if (!sheet) return;
    else if (tag === "Row") {
      const index = Number(attr(rawAttrs(), "Index") ?? 0);
      while (index > sheet.rows.length + 1 && sheet.rows.length < MAX_ROWS) sheet.rows.push([]);
      row = [];
      if (selfClosing) endRow();
    } else if (tag === "Cell" && row) {
      const attrs = rawAttrs();
      const index = Number(attr(attrs, "Index") ?? 0);
      while (index > row.length + 1 && row.length < MAX_COLUMNS) row.push(null);
      span = Number(attr(attrs, "MergeAcross") ?? 0);
      if (selfClosing) endCell(null);
    } else if (tag === "Data" && row) data = { type: attr(rawAttrs(), "Type") ?? "String", text: "" };
  });
  parser.on("closeTag", (name) => {
    const tag = local(name);
    if (tag === "Worksheet" && sheet) {
      sheets.push(sheet);
      sheet = null;
    } else if (tag === "Row") endRow();
    else if (tag === "Cell" && row) endCell(data ? dataText(data.type, data.text) : null);
  });
  parser.on("text", (value, decode) => {
    if (data) data.text += value.includes("&") ? decode(value) : value;
  });
  parser.on("error", stopAt);

  function endCell(value: string | null) {
    if (row && row.length < MAX_COLUMNS) row.push(value, ...Array<null>(Math.min(span, MAX_COLUMNS)).fill(null));
    data = null;
    span = 0;
  }
  function endRow() {
    if (sheet && row && sheet.rows.length < MAX_ROWS) sheet.rows.push(row);
    row = null;
  }

  parser.parse(xml);
  return sheets;
}

/** A `Data` element's text as a CSV field, by its `ss:Type`. */
function dataText(type: string, text: string): string | null {
  if (text === "") return null;
  if (type === "Boolean") return text === "1" || text.toLowerCase() === "true" ? "true" : "false";
  return type === "DateTime" ? isoDateTimeText(text) : text;
}
