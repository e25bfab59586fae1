import type { ParseOptions } from "@/lib/staging/parse-options";
import type { StagedFile } from "@/lib/staging/staged-file";

/**
 * What reading a staged file found, by format (readers.ts): the staged file's record keeps it as it is
 * (tables.ts `readFindings`), each field as `StagedFile` says.
 */
export type ReadInfo = Pick<
  StagedFile,
  | "sniffed"
  | "csv"
  | "lenient"
  | "setAsideLines"
  | "sheets"
  | "hiddenSheets"
  | "coverSheet"
  | "mendedCells"
  | "deletedRecords"
  | "memoFields"
  | "geometryUnread"
  | "sasFormats"
  | "columnLabels"
  | "codeLabels"
  | "declaredMissing"
  | "datasetLabel"
  | "ambiguousDates"
  | "rowidRenames"
  | "lineBreakRenames"
  | "readNames"
  | "jsonRowsAt"
  | "summaryRows"
  | "jsonRepairs"
  | "rowLines"
  | "jsonSpread"
  | "sheetOrJsonFindings"
  | "gzipCut"
> & {
  /** The options the file was read with, detected values filled in (CSV): saved as the file's options. */
  parse?: ParseOptions;
  /** Lines (or JSON records) set aside. */
  badLines: number;
};
