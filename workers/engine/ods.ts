import { strFromU8, unzipSync } from "fflate";
import { odsSheets, type OdsSheet } from "@/lib/ods/content";
import { isOdsMimetype } from "@/lib/staging/zip-entries";

/** Each archive's sheets, parsed once (or that it holds none): a read asks for the sheets' names, then for one sheet's rows, of the same bytes. */
const parsed = new WeakMap<Uint8Array, OdsSheet[] | null>();

/**
 * The sheets of an OpenDocument spreadsheet (lib/ods/content.ts), or null when the bytes are not one (an Excel
 * workbook, another archive). Throws when its content cannot be read.
 */
export function odsWorkbook(bytes: Uint8Array): OdsSheet[] | null {
  const known = parsed.get(bytes);
  if (known !== undefined) return known;
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes, { filter: (file) => file.name === "mimetype" || file.name === "content.xml" });
  } catch {
    return null;
  }
  if (!files.mimetype || !isOdsMimetype(strFromU8(files.mimetype))) {
    parsed.set(bytes, null);
    return null;
  }
  if (!files["content.xml"]) throw new Error("it has no content.xml");
  const sheets = odsSheets(new TextDecoder().decode(files["content.xml"]));
  parsed.set(bytes, sheets);
  return sheets;
}
