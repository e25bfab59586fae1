import { unreadableReason } from "@/lib/format-error";
import { formatLabels, userFormats, type SasFormatLabels, type SasFormats } from "@/lib/sas/formats";
import { readSas7bcat } from "@/lib/sas/sas7bcat";
import { readSas7bdat, sas7bdatTable } from "@/lib/sas/sas7bdat";
import { readXport, xportMembers, xportTable } from "@/lib/sas/xport";
import { codeLabelsOf, type TypedFile } from "./typed-file";

/** A number format's labels without those of special missing values (`.A`), which a column of codes does not hold. */
const numbersOnly = (labels: SasFormatLabels | undefined, numeric: boolean): SasFormatLabels | undefined =>
  labels && numeric ? new Map([...labels].filter(([value]) => typeof value === "number")) : labels;

/**
 * A SAS dataset (.sas7bdat): its rows, dates and times as such (lib/sas/sas7bdat.ts); with a format catalog added
 * with it, its columns' codes as the catalog's labels. A catalog that cannot be read leaves the codes as they are,
 * and the read panel says why.
 */
export const SAS: TypedFile = {
  kind: "SAS dataset",
  instead: "Export it from SAS as CSV (PROC EXPORT), and stage that.",
  table: (bytes, { companions, codes }) => {
    const sas = readSas7bdat(bytes);
    const catalog = companions.find((c) => c.kind === "catalog");
    let formats: SasFormats | undefined;
    let unread: string | undefined;
    try {
      formats = catalog && readSas7bcat(catalog.bytes);
    } catch (error) {
      unread = `${catalog!.name}: ${unreadableReason(error)}`;
    }
    // The catalog's labels are kept either way (a special missing value's left out): the read panel names them, and a
    // version's schema keeps them for codes.
    const codeLabels = codeLabelsOf(sas.columns.map((c) => [c.name, numbersOnly(formatLabels(c, formats), c.numeric)] as const));
    if (codes) return { ...sas7bdatTable(bytes, sas), findings: codeLabels };
    const found = { ...userFormats(sas.columns, formats), ...(unread ? { unread } : {}) };
    return { ...sas7bdatTable(bytes, sas, formats), findings: { ...codeLabels, ...(found.unmatched.length || unread ? { sasFormats: found } : {}) } };
  },
};

/** A SAS transport file (.xpt, XPORT 5 or 8): the rows of the dataset chosen, else its first (lib/sas/xport.ts). */
export const XPORT: TypedFile = {
  kind: "SAS transport file",
  instead: "Export the dataset from SAS as CSV (PROC EXPORT), and stage that.",
  table: (bytes, { part }) => {
    const members = xportMembers(bytes);
    return { ...xportTable(bytes, readXport(bytes, part, members)), parts: members.map((m) => m.name) };
  },
};
