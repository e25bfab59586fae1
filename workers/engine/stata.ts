import { dtaCsv, readDta } from "@/lib/stata/dta";
import type { TableFile } from "./table-file";

/** A Stata dataset (.dta): its rows, labelled codes as their labels (lib/stata/dta.ts). */
export const STATA: TableFile = {
  kind: "Stata dataset",
  instead: "Export it from Stata as CSV (export delimited), and stage that.",
  csv: (bytes) => dtaCsv(bytes, readDta(bytes)),
};
