import { strFromU8, unzipSync } from "fflate";

/** The message for a ZIP archive of other files, by the names of the files it holds. */
export function archiveMessage(names: readonly string[]): string {
  const shown = names.slice(0, 5).join(", ") + (names.length > 5 ? ` and ${names.length - 5} more` : "");
  if (names.length === 0) return "This is an empty ZIP archive, not an Excel workbook: there is nothing to stage.";
  return `This is a ZIP archive, not an Excel workbook: it holds ${shown}. Unzip it and stage ${names.length === 1 ? "that file" : "the files inside"}.`;
}

/** Office files that are ZIP archives but no workbook Stages reads, told by the files they hold, with what to do. */
const KINDS: { holds: (names: readonly string[]) => boolean; message: string }[] = [
  { holds: (names) => names.includes("xl/workbook.bin"), message: "This is a binary Excel workbook (.xlsb), which Stages cannot read. Open it in Excel or LibreOffice, save it as .xlsx or CSV, and stage that." },
  { holds: (names) => names.some((n) => n.startsWith("Index/") && n.endsWith(".iwa")), message: "This is an Apple Numbers document, which Stages cannot read. Export it from Numbers as Excel or CSV, and stage that." },
  { holds: (names) => names.some((n) => n.startsWith("word/")), message: "This is a Word document, not a data file. Save its table as CSV or Excel, and stage that." },
  { holds: (names) => names.some((n) => n.startsWith("ppt/")), message: "This is a PowerPoint presentation, not a data file. Save its table as CSV or Excel, and stage that." },
];
const OPEN_DOCUMENT = "application/vnd.oasis.opendocument.";

/** Whether an OpenDocument archive's `mimetype` file says it is a spreadsheet (.ods), which is read as a workbook. */
export const isOdsMimetype = (mimetype: string) => mimetype.trim() === `${OPEN_DOCUMENT}spreadsheet`;

/** What a ZIP archive holds: a workbook (Excel's or OpenDocument's); another office file, with what to do; or other files, by their names. */
export type ZipKind = { kind: "workbook" } | { kind: "office"; message: string } | { kind: "files"; names: string[] };

/**
 * What ZIP archive the bytes are: an Excel workbook (however broken) or an OpenDocument spreadsheet (.ods); another
 * OpenDocument file, a binary workbook (.xlsb), a Numbers, Word or PowerPoint file; or an archive of other files (zipped CSV from a
 * data portal). Null for bytes that are no ZIP archive.
 */
export function zipKind(bytes: Uint8Array): ZipKind | null {
  let names: string[];
  let mimetype = "";
  try {
    names = [];
    // Listed, not inflated, but for an OpenDocument's one-line mimetype.
    const kept = unzipSync(bytes, { filter: (file) => (names.push(file.name), file.name === "mimetype") });
    mimetype = kept.mimetype ? strFromU8(kept.mimetype) : "";
  } catch {
    return null;
  }
  if (isOdsMimetype(mimetype)) return { kind: "workbook" };
  if (mimetype.startsWith(OPEN_DOCUMENT)) return { kind: "office", message: "This is an OpenDocument file, not a data file. Save its table as CSV or Excel, and stage that." };
  const known = KINDS.find((kind) => kind.holds(names));
  if (known) return { kind: "office", message: known.message };
  return names.some((n) => n.startsWith("xl/")) ? { kind: "workbook" } : { kind: "files", names: names.filter((n) => !n.endsWith("/")) };
}

/** Why bytes read as a workbook are not one Stages reads, when they are a ZIP archive that says so (`zipKind`); null for a workbook and for bytes that are no ZIP archive. */
export function unreadableArchive(bytes: Uint8Array): string | null {
  const zip = zipKind(bytes);
  return !zip || zip.kind === "workbook" ? null : zip.kind === "office" ? zip.message : archiveMessage(zip.names);
}
