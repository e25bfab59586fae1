import { porTable, readPor } from "@/lib/spss/por";
import { readSav, savTable } from "@/lib/spss/sav";
import type { TypedFile } from "./typed-file";

/** The variables without their value labels, for labelled codes read as codes. */
const unlabelled = <D extends { variables: { labels?: unknown }[] }>(dataset: D, codes: boolean): D =>
  codes ? { ...dataset, variables: dataset.variables.map(({ labels: _, ...v }) => v) } : dataset;

/** An SPSS data file (.sav): its cases, labelled codes as their labels, or as codes when asked (lib/spss/sav.ts). */
export const SPSS: TypedFile = {
  kind: "SPSS data file",
  instead: "Save it from SPSS or PSPP as CSV, and stage that.",
  table: (bytes, { codes }) => savTable(bytes, unlabelled(readSav(bytes), codes)),
};

/** An SPSS portable file (.por): its cases, labelled codes as their labels, or as codes when asked (lib/spss/por.ts). */
export const SPSS_PORTABLE: TypedFile = {
  kind: "SPSS portable file",
  instead: "Open it in SPSS or PSPP and save it as CSV, and stage that.",
  table: (bytes, { codes }) => porTable(unlabelled(readPor(bytes), codes)),
};
