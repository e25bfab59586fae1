import { dtaTable, readDta } from "@/lib/stata/dta";
import type { TypedFile } from "./typed-file";

/** A Stata dataset (.dta): its rows, labelled codes as their labels, or as codes when asked (lib/stata/dta.ts). */
export const STATA: TypedFile = {
  kind: "Stata dataset",
  instead: "Export it from Stata as CSV (export delimited), and stage that.",
  table: (bytes, { codes }) => {
    const dta = readDta(bytes);
    return dtaTable(bytes, codes ? { ...dta, variables: dta.variables.map((v) => ({ ...v, labels: "" })) } : dta);
  },
};
