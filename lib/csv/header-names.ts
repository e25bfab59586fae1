/**
 * A header of two lines whose first names groups of columns (a report's or a pivot table's "2024" over
 * "Units" and "Revenue", written once over the group: a merged cell in the sheet, empty cells after it in CSV).
 */

/** A first header line that names groups: an empty name after a given one, or a name given twice. */
export function namesGroups(first: readonly string[]): boolean {
  const names = first.map((f) => f.trim());
  const given = names.filter(Boolean);
  return names.some((name, i) => name === "" && names.slice(0, i).some(Boolean)) || new Set(given).size < given.length;
}

/**
 * The columns' names from a two-line header: with groups in the first line, each group's name (carried over
 * the empty cells after it) before the second line's name ("2024 Units", "2024 Revenue"); a column with no
 * second name keeps its first ("Region"). Otherwise the second line is units or notes, and the first line
 * names the columns.
 */
export function twoLineNames(first: readonly string[], second: readonly string[]): string[] {
  if (!namesGroups(first)) return [...first];
  let group = "";
  return first.map((raw, i) => {
    const name = raw.trim();
    const sub = (second[i] ?? "").trim();
    if (name) group = name;
    const over = name || group;
    return over && sub ? `${over} ${sub}` : over || sub;
  });
}
