import { strFromU8, unzipSync } from "fflate";
import { odsSheets } from "@/lib/ods/content";
import { isCompoundFile } from "@/lib/staging/detect";
import { isOdsMimetype } from "@/lib/staging/zip-entries";
import { unreadableReason } from "@/lib/format-error";
import { xlsMessage, xlsSheets } from "@/lib/xls/xls-file";

/** A sheet of a workbook parsed whole: its cells as CSV text (null when empty), from its first row and column. */
export interface ParsedSheet {
  name: string;
  hidden: boolean;
  rows: (string | null)[][];
  /** How many cells hold a value. */
  cells: number;
}

/** Each workbook's sheets, parsed once (or that it is none, or why it cannot be read): a read asks for the sheets' names, then for one sheet's rows, of the same bytes. */
const parsed = new WeakMap<Uint8Array, ParsedSheet[] | null | Error>();

/**
 * The sheets of a workbook read whole, an OpenDocument spreadsheet (lib/ods/content.ts) or an Excel 97–2003
 * workbook (lib/xls/), or null when the bytes are neither (an Excel .xlsx, read a sheet at a time, another
 * archive). Throws an Error saying what to do when such a workbook cannot be read.
 */
export function parsedWorkbook(bytes: Uint8Array): ParsedSheet[] | null {
  if (!parsed.has(bytes)) parsed.set(bytes, parse(bytes));
  const known = parsed.get(bytes)!;
  if (known instanceof Error) throw known;
  return known;
}

function parse(bytes: Uint8Array): ParsedSheet[] | null | Error {
  if (isCompoundFile(bytes)) {
    try {
      return xlsSheets(bytes);
    } catch (error) {
      return new Error(xlsMessage(unreadableReason(error)));
    }
  }
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes, { filter: (file) => file.name === "mimetype" || file.name === "content.xml" });
  } catch {
    return null;
  }
  if (!files.mimetype || !isOdsMimetype(strFromU8(files.mimetype))) return null;
  try {
    if (!files["content.xml"]) throw new Error("it has no content.xml");
    return odsSheets(new TextDecoder().decode(files["content.xml"]));
  } catch (error) {
    return new Error(`This is not a readable OpenDocument spreadsheet (${(error as Error).message}).`);
  }
}
