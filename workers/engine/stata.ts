import { dtaTable, readDta } from "@/lib/stata/dta";
import { codeLabelsOf, type TypedFile } from "./typed-file";

/** A Stata dataset (.dta): its rows, labelled codes as their labels, or as codes when asked (lib/stata/dta.ts). */
export const STATA: TypedFile = {
  kind: "Stata dataset",
  instead: "Export it from Stata as CSV (export delimited), and stage that.",
  table: (bytes, { codes }) => {
    const dta = readDta(bytes);
    if (!codes) return dtaTable(bytes, dta);
    // Read as codes, their labels kept for the version's schema.
    const findings = codeLabelsOf(dta.variables.map((v) => [v.name, v.labels ? dta.valueLabels.get(v.labels) : undefined] as const));
    return { ...dtaTable(bytes, { ...dta, variables: dta.variables.map((v) => ({ ...v, labels: "" })) }), findings };
  },
};
