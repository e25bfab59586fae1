/**
 * Columns the read had to name itself: the header gave a column no name (DuckDB calls it `column3`), or a name
 * an earlier column has (the second `name` becomes `name_1`). Rules, steps and the destination use those names,
 * so the staged file says so.
 */
export interface ReadName {
  /** The column's name as read. */
  column: string;
  /** The name the header gave it: empty for none. */
  given: string;
}

/** The header's names (`given`, as the file has them) against the columns' names as read, by position. */
export function namesTheReadGave(given: readonly string[], columns: readonly string[]): ReadName[] {
  return columns.flatMap((column, i) => {
    const name = given[i];
    if (name === undefined || name === column) return [];
    const none = name.trim() === "";
    const again = given.slice(0, i).some((before) => before.trim().toLowerCase() === name.trim().toLowerCase());
    return none || again ? [{ column, given: none ? "" : name }] : [];
  });
}

/** The sentence that says so; null when the header named every column once. */
export function describeReadNames(names: readonly ReadName[] | undefined): string | null {
  if (!names?.length) return null;
  const parts = names.map((n) => (n.given ? `“${n.column}” (the header’s second “${n.given}”)` : `“${n.column}” (no name in the header)`));
  return `Named by the read: ${parts.join(", ")}. Rules, steps and the destination use ${names.length === 1 ? "this name" : "these names"}; a rename step gives another.`;
}
