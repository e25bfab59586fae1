import { compoundFile, type CompoundFile } from "./compound-file";
import { XlsError } from "./records";
import { biffSheets, ENCRYPTED, type XlsSheet } from "./workbook";

/**
 * The worksheets of an Excel 97–2003 workbook (.xls), or an Excel 5.0/95 one: its compound file's `Workbook` (or
 * `Book`) stream (compound-file.ts) read as BIFF8 or BIFF5 (lib/xls/workbook.ts). Throws an XlsError saying what the file is when it is not one Stages can read.
 */
export function xlsSheets(bytes: Uint8Array): XlsSheet[] {
  let file: CompoundFile;
  try {
    file = compoundFile(bytes);
  } catch (error) {
    throw error instanceof XlsError ? error : new XlsError(`its compound file cannot be read (${(error as Error).message})`);
  }
  // A password-protected .xlsx is an encrypted package inside a compound file.
  if (file.stream("EncryptionInfo") || file.stream("EncryptedPackage")) throw new XlsError(ENCRYPTED);
  // Excel 5.0 and 95 named the stream `Book`.
  const stream = file.stream("Workbook") ?? file.stream("Book");
  if (!stream) throw new XlsError("it holds no workbook: it is another Office 97–2003 document (a Word .doc, a PowerPoint .ppt, an Outlook .msg)");
  return biffSheets(stream);
}

/** What to say of an .xls file that cannot be read, from its XlsError's reason. */
export const xlsMessage = (reason: string): string =>
  `This Excel 97–2003 file cannot be read: ${reason}. Open it in Excel or LibreOffice, save it as .xlsx or CSV${reason.includes("password") ? " without a password" : ""}, and stage that.`;
