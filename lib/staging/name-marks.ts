/** The byte-order mark, U+FEFF. */
const MARK = "\uFEFF";

/**
 * Column names that start with a byte-order mark ("\uFEFFid"): a tool that read a file with a mark as plain
 * text keeps it in the first name, and writes it into a JSON key or a Parquet column. DuckDB keeps it too, but
 * Arrow's text decoder drops a leading mark from every string, so the name the page showed and the engine used
 * ("id") was not the column's, and every statement that named it failed. Such a name is read without its
 * marks (a name of marks alone by its position, `column` and its index), or with `_` after it when another
 * column already has that name.
 */
export function markedNameRenames(names: readonly string[]): Record<string, string> {
  const taken = new Set(names.map((n) => n.toLowerCase()));
  const renames: Record<string, string> = {};
  names.forEach((name, i) => {
    if (!name.startsWith(MARK)) return;
    let to = name.replace(/^\uFEFF+/, "") || `column${i}`;
    while (taken.has(to.toLowerCase())) to = `${to}_`;
    taken.add(to.toLowerCase());
    renames[name] = to;
  });
  return renames;
}

/**
 * A table's column names as DuckDB holds them, from rows of `bare` (the name without its leading marks) and
 * `marks` (how many it had), as `markedNamesSql` gives them: asked that way because Arrow's decoder drops a mark.
 */
export const namesWithMarks = (rows: readonly Record<string, unknown>[]): string[] =>
  rows.map((r) => MARK.repeat(Number(r.marks)) + String(r.bare));

/** The statement whose rows `namesWithMarks` reads; `table` is quoted already. */
export const markedNamesSql = (table: string): string =>
  `SELECT ltrim(column_name, chr(65279)) AS bare, length(column_name) - length(ltrim(column_name, chr(65279))) AS marks FROM (DESCRIBE ${table})`;
