import { sameFields } from "./layout";

/**
 * A row with the header run into its end: files joined end to end where the first did not end its last line
 * (`5,x5,10.5id,name,amount`, or with the second file's byte-order mark between the two). The row's values
 * without the header, or null when the line is not one such.
 */
export function rowBeforeHeader(fields: readonly string[], header: readonly string[], quote: string): string[] | null {
  const width = header.length;
  if (width < 2 || fields.length !== 2 * width - 1 || !sameFields(fields.slice(width), header.slice(1))) return null;
  const joined = fields[width - 1]!.trimEnd();
  const name = header[0]!.trim();
  const end = [name, ...(quote ? [quote + name + quote] : [])].find((e) => joined.endsWith(e));
  if (end === undefined) return null;
  return [...fields.slice(0, width - 1), joined.slice(0, -end.length).replace(/\uFEFF+$/, "")];
}
