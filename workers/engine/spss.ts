import { porTable, readPor } from "@/lib/spss/por";
import { readSav, savTable } from "@/lib/spss/sav";
import type { TypedTable } from "@/lib/typed-table/table";
import { codeLabelsOf, type TypedFile } from "./typed-file";

type Labelled = { variables: { name: string; width: number; labels?: Map<number, string>; textLabels?: Map<string, string> }[] };

/** The table, its labelled codes as their labels or as codes, with the codes' labels (which the read panel names, and a version's schema keeps for codes). */
const labelledTable = <D extends Labelled>(dataset: D, codes: boolean, table: (dataset: D) => TypedTable) => {
  const findings = codeLabelsOf(dataset.variables.map((v) => [v.name, v.width ? v.textLabels : v.labels] as const));
  return { ...table(codes ? { ...dataset, variables: dataset.variables.map(({ labels: _, textLabels: __, ...v }) => v) } : dataset), findings };
};

/** An SPSS data file (.sav): its cases, labelled codes as their labels, or as codes when asked (lib/spss/sav.ts). */
export const SPSS: TypedFile = {
  kind: "SPSS data file",
  instead: "Save it from SPSS or PSPP as CSV, and stage that.",
  table: (bytes, { codes }) => labelledTable(readSav(bytes), codes, (sav) => savTable(bytes, sav)),
};

/** An SPSS portable file (.por): its cases, labelled codes as their labels, or as codes when asked (lib/spss/por.ts). */
export const SPSS_PORTABLE: TypedFile = {
  kind: "SPSS portable file",
  instead: "Open it in SPSS or PSPP and save it as CSV, and stage that.",
  table: (bytes, { codes }) => labelledTable(readPor(bytes), codes, porTable),
};
