import { porTable, readPor } from "@/lib/spss/por";
import { readSav, savTable } from "@/lib/spss/sav";
import type { TypedFile } from "./typed-file";

/** An SPSS data file (.sav): its cases, labelled codes as their labels (lib/spss/sav.ts). */
export const SPSS: TypedFile = {
  kind: "SPSS data file",
  instead: "Save it from SPSS or PSPP as CSV, and stage that.",
  table: (bytes) => savTable(bytes, readSav(bytes)),
};

/** An SPSS portable file (.por): its cases, labelled codes as their labels (lib/spss/por.ts). */
export const SPSS_PORTABLE: TypedFile = {
  kind: "SPSS portable file",
  instead: "Open it in SPSS or PSPP and save it as CSV, and stage that.",
  table: (bytes) => porTable(readPor(bytes)),
};
