/**
 * Dataset names become OPFS folder names and appear in SQL, so they are kept
 * to a safe alphabet: letters, digits, underscore and hyphen, 1–64 long,
 * starting with a letter or digit.
 */
const VALID = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/;

export function checkDatasetName(name: string): string | null {
  if (!name) return "Give the dataset a name.";
  if (!VALID.test(name)) {
    return "Use 1–64 letters, digits, '_' or '-', starting with a letter or digit.";
  }
  return null;
}

/** A valid dataset name suggested from a file name: "Orders 2024.csv" → "orders_2024". */
/** A file's name without its extensions: "orders.csv.gz" → "orders". */
export const fileStem = (fileName: string): string => fileName.replace(/(\.[A-Za-z0-9]{1,8})+$/, "");

export function suggestDatasetName(fileName: string): string {
  const stem = fileStem(fileName);
  const slug = stem
    .toLowerCase()
    .replace(/[^a-z0-9_-]+/g, "_")
    .replace(/^[_-]+|[_-]+$/g, "")
    .slice(0, 64);
  return slug || "dataset";
}
