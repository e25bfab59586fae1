/**
 * Column names with line breaks in them: a header cell wrapped with Alt+Enter in Excel ("Total⏎Revenue"),
 * or a quoted CSV name over two lines. Every rule, step and query would have to write the break; such a
 * name is read with each run of spaces around a line break as one space ("Total Revenue"), unless another
 * column already has that name.
 */
export function lineBreakRenames(names: readonly string[]): Record<string, string> {
  const taken = new Set(names.map((n) => n.toLowerCase()));
  const renames: Record<string, string> = {};
  for (const name of names) {
    if (!/[\r\n\u2028\u2029]/.test(name)) continue;
    const flat = name.replace(/\s*[\r\n\u2028\u2029]+\s*/g, " ").trim();
    if (flat === "" || taken.has(flat.toLowerCase())) continue;
    renames[name] = flat;
    taken.add(flat.toLowerCase());
  }
  return renames;
}

/** The sentence that says so, for the staged file's findings. */
export const describeLineBreakRenames = (renames: Record<string, string>): string =>
  `Read without the line breaks in their names: ${Object.values(renames)
    .map((to) => `“${to}”`)
    .join(", ")}.`;
