import { readSas7bdat, sas7bdatTable } from "@/lib/sas/sas7bdat";
import { readXport, xportMembers, xportTable } from "@/lib/sas/xport";
import type { TypedFile } from "./typed-file";

/** A SAS dataset (.sas7bdat): its rows, dates and times as such (lib/sas/sas7bdat.ts). */
export const SAS: TypedFile = {
  kind: "SAS dataset",
  instead: "Export it from SAS as CSV (PROC EXPORT), and stage that.",
  table: (bytes) => sas7bdatTable(bytes, readSas7bdat(bytes)),
};

/** A SAS transport file (.xpt, XPORT 5 or 8): the rows of the dataset chosen, else its first (lib/sas/xport.ts). */
export const XPORT: TypedFile = {
  kind: "SAS transport file",
  instead: "Export the dataset from SAS as CSV (PROC EXPORT), and stage that.",
  table: (bytes, member) => {
    const members = xportMembers(bytes);
    return { ...xportTable(bytes, readXport(bytes, member, members)), parts: members.map((m) => m.name) };
  },
};
