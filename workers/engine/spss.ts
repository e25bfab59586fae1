import { readSav, savCsv } from "@/lib/spss/sav";
import type { TableFile } from "./table-file";

/** An SPSS data file (.sav): its cases, labelled codes as their labels (lib/spss/sav.ts). */
export const SPSS: TableFile = {
  kind: "SPSS data file",
  instead: "Save it from SPSS or PSPP as CSV, and stage that.",
  csv: (bytes) => savCsv(bytes, readSav(bytes)),
};
