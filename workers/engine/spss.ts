import { declaredMissing, withoutDeclaredMissing, type Declared } from "@/lib/spss/missing";
import { porTable, readPor } from "@/lib/spss/por";
import { readSav, savTable } from "@/lib/spss/sav";
import type { TypedTable } from "@/lib/typed-table/table";
import { codeLabelsOf, type TypedFile, type TypedRead } from "./typed-file";

type Labelled = { variables: (Declared & { labels?: Map<number, string>; textLabels?: Map<string, string> })[] };

/**
 * The table: its labelled codes as their labels or as codes, its declared missing values empty or kept; with the
 * codes' labels (which the read panel names, and a version's schema keeps for codes) and the declared missing values.
 */
const spssTable = <D extends Labelled>(dataset: D, { codes, keepMissing }: TypedRead, table: (dataset: D) => TypedTable) => {
  const findings = { ...codeLabelsOf(dataset.variables.map((v) => [v.name, v.width ? v.textLabels : v.labels] as const)), ...declaredFindings(dataset.variables) };
  const missingRead = keepMissing ? withoutDeclaredMissing(dataset.variables) : dataset.variables;
  const variables = codes ? missingRead.map(({ labels: _, textLabels: __, ...v }) => v) : missingRead;
  return { ...table({ ...dataset, variables }), findings };
};

const declaredFindings = (variables: readonly Declared[]) => {
  const declared = declaredMissing(variables);
  return Object.keys(declared).length ? { declaredMissing: declared } : {};
};

/** An SPSS data file (.sav): its cases as read (lib/spss/sav.ts). */
export const SPSS: TypedFile = {
  kind: "SPSS data file",
  instead: "Save it from SPSS or PSPP as CSV, and stage that.",
  table: (bytes, read) => spssTable(readSav(bytes), read, (sav) => savTable(bytes, sav)),
};

/** An SPSS portable file (.por): its cases as read (lib/spss/por.ts). */
export const SPSS_PORTABLE: TypedFile = {
  kind: "SPSS portable file",
  instead: "Open it in SPSS or PSPP and save it as CSV, and stage that.",
  table: (bytes, read) => spssTable(readPor(bytes), read, porTable),
};
