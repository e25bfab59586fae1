/**
 * What reading a messy CSV file reports beside its rows: lines set aside or
 * repaired (with the line number in the file, what was done or why not, and
 * the raw text), and values that did not fit the type DuckDB guessed from a
 * sample, whose column was therefore read as text.
 */
export interface LineNote {
  line: number;
  status: "set aside" | "repaired";
  reason: string;
  text: string;
}

export interface TypeFinding {
  column: string;
  type: string;
  values: { line: number; value: string }[];
}
