import { fail, ok, type Result } from "@/lib/result";
import type { ParseOptions } from "@/lib/staging/parse-options";
import { XmlError } from "@/lib/xml/parse-error";
import { xmlRecords } from "@/lib/xml/records";
import { isSpreadsheetMl, spreadsheetMlSheets } from "@/lib/xml/spreadsheet-ml";
import type { ReadInfo } from "./read-info";
import { readRows, type ReadCsvText } from "./sheet";
import { utf8Blob } from "./text";

const NO_RECORDS =
  "This XML document holds no records: no element is found more than once under one parent with values inside it. Stages reads XML whose rows are repeated elements (a catalog's books, an export's rows).";

/**
 * An XML document's rows as CSV text, read as a sheet's are (sheet.ts): Excel's XML Spreadsheet 2003 by its worksheets
 * (the options' `sheet`, else the first with a value, recorded), any other document by its records (lib/xml/records.ts).
 */
export async function readXml(fileName: string, blob: Blob, options: ParseOptions, readText: ReadCsvText): Promise<Result<ReadInfo>> {
  const text = await (await utf8Blob(blob, options.gzip, options.encoding)).text();
  try {
    if (isSpreadsheetMl(text)) return await readWorksheet(fileName, spreadsheetMlSheets(text), options, readText);
    const records = xmlRecords(text);
    if (!records) return fail({ file: fileName, message: NO_RECORDS });
    return await readRows([records.names, ...records.rows], options, readText);
  } catch (error) {
    if (!(error instanceof XmlError)) throw error;
    return fail({ file: fileName, line: error.line, message: `This XML is not well formed (${error.message}), so its rows cannot be read.` });
  }
}

async function readWorksheet(fileName: string, sheets: ReturnType<typeof spreadsheetMlSheets>, options: ParseOptions, readText: ReadCsvText): Promise<Result<ReadInfo>> {
  const names = sheets.map((s) => s.name);
  const chosen = options.sheet === undefined ? Math.max(0, sheets.findIndex((s) => s.rows.some((r) => r.some((v) => v !== null)))) : names.indexOf(options.sheet);
  if (sheets.length === 0) return fail({ file: fileName, message: "This XML spreadsheet has no worksheet." });
  if (chosen < 0) return fail({ file: fileName, message: `The workbook has no sheet named "${options.sheet}" (it has ${names.join(", ")}).` });
  const rows = sheets[chosen]!.rows.slice(options.headerRow - 1);
  if (!rows.some((r) => r.some((v) => v !== null))) return fail({ file: fileName, message: `Sheet "${names[chosen]}" has no rows from row ${options.headerRow} on.` });
  const read = await readRows(rows, options, readText);
  return read.ok ? ok({ ...read.value, parse: { ...(read.value.parse ?? options), sheet: names[chosen] }, sheets: names }) : read;
}
