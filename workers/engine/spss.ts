import { porCsv, readPor } from "@/lib/spss/por";
import { readSav, savCsv } from "@/lib/spss/sav";
import type { TableFile } from "./table-file";

/** An SPSS data file (.sav): its cases, labelled codes as their labels (lib/spss/sav.ts). */
export const SPSS: TableFile = {
  kind: "SPSS data file",
  instead: "Save it from SPSS or PSPP as CSV, and stage that.",
  csv: (bytes) => savCsv(bytes, readSav(bytes)),
};

/** An SPSS portable file (.por): its cases, labelled codes as their labels (lib/spss/por.ts). */
export const SPSS_PORTABLE: TableFile = {
  kind: "SPSS portable file",
  instead: "Open it in SPSS or PSPP and save it as CSV, and stage that.",
  csv: (bytes) => porCsv(readPor(bytes)),
};
