/**
 * DuckDB names each row's position in its table `rowid`, and a column of that name (in any case) hides it:
 * the app pages, checks and edits rows by that position, so such a column is read under another name.
 */
export function rowidRenames(names: readonly string[]): Record<string, string> {
  const taken = new Set(names.map((n) => n.toLowerCase()));
  const renames: Record<string, string> = {};
  for (const name of names) {
    if (name.toLowerCase() !== "rowid") continue;
    let n = 1;
    while (taken.has(`${name}_${n}`.toLowerCase())) n++;
    renames[name] = `${name}_${n}`;
    taken.add(renames[name]!.toLowerCase());
  }
  return renames;
}

/** The sentence that says so, for the staged file's findings. */
export const describeRowidRenames = (renames: Record<string, string>): string =>
  `${Object.entries(renames)
    .map(([from, to]) => `Column “${from}” is read as “${to}”`)
    .join("; ")}: DuckDB keeps the name rowid for each row's position in its table.`;
