import { dtaTable, readDta } from "@/lib/stata/dta";
import { codeLabelsOf, type TypedFile } from "./typed-file";

/** A label table without the labels of missing values (`.a` is 2147483622), which a column of codes does not hold. */
const codesOnly = (labels: Map<number, string> | undefined) => labels && new Map([...labels].filter(([code]) => code < 2147483621));

/** A Stata dataset (.dta): its rows, labelled codes as their labels, or as codes when asked (lib/stata/dta.ts). */
export const STATA: TypedFile = {
  kind: "Stata dataset",
  instead: "Export it from Stata as CSV (export delimited), and stage that.",
  table: (bytes, { codes }) => {
    const dta = readDta(bytes);
    // The codes' labels are kept either way: the read panel names them, and a version's schema keeps them for codes.
    const findings = codeLabelsOf(dta.variables.map((v) => [v.name, v.labels ? codesOnly(dta.valueLabels.get(v.labels)) : undefined] as const));
    return { ...dtaTable(bytes, codes ? { ...dta, variables: dta.variables.map((v) => ({ ...v, labels: "" })) } : dta), findings };
  },
};
