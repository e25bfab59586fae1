import { readSas7bdat, sas7bdatCsv } from "@/lib/sas/sas7bdat";
import { readXport, xportCsv } from "@/lib/sas/xport";
import type { TableFile } from "./table-file";

/** A SAS dataset (.sas7bdat): its rows, dates and times as such (lib/sas/sas7bdat.ts). */
export const SAS: TableFile = {
  kind: "SAS dataset",
  instead: "Export it from SAS as CSV (PROC EXPORT), and stage that.",
  csv: (bytes) => sas7bdatCsv(bytes, readSas7bdat(bytes)),
};

/** A SAS transport file (.xpt, XPORT 5 or 8): its first dataset's rows (lib/sas/xport.ts). */
export const XPORT: TableFile = {
  kind: "SAS transport file",
  instead: "Export the dataset from SAS as CSV (PROC EXPORT), and stage that.",
  csv: (bytes) => xportCsv(bytes, readXport(bytes)),
};
