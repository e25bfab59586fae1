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

/** A run's final rows cannot have a column named rowid either (it is the user's to name): the reason, or null. */
export function finalRowidProblem(names: readonly string[], bySql: boolean): string | null {
  const clash = names.find((n) => n.toLowerCase() === "rowid");
  if (clash === undefined) return null;
  return `${bySql ? "Your SQL's result" : "The final rows"} ${bySql ? "has" : "have"} a column named “${clash}”, the name DuckDB keeps for each row's position, by which the rows are paged. Name it otherwise${bySql ? ` (… AS ${clash}_1)` : " in the steps"}.`;
}
