import { formatCount } from "@/lib/format";

/**
 * Where every line of a staged CSV file went. The lines of the file equal
 * the lines above the table, the header, the notes below it, blank lines,
 * the lines of the rows staged (a quoted value may span lines), the lines
 * set aside and comment lines among the rows; `balanced` says whether the two sides agree.
 */
export interface LineAccount {
  total: number;
  preamble: number;
  header: number;
  notes: number;
  blank: number;
  setAside: number;
  /** Comment lines (# …) below the header, which the reader skips (absent in accounts made before they were counted). */
  comments?: number;
  /** Lines read as rows: rows plus the line ends inside quoted values. */
  rowLines: number;
  rows: number;
  repaired: number;
  balanced: boolean;
}

export function accountLines(input: Omit<LineAccount, "balanced">): LineAccount {
  const { total, preamble, header, notes, blank, setAside, rowLines, comments = 0 } = input;
  return { ...input, balanced: total === preamble + header + notes + blank + setAside + comments + rowLines };
}

/** "12,001 lines = 11,998 in 11,998 rows + 1 header + 2 blank", the counts grouped as everywhere else in the UI. */
export function describeAccount(a: LineAccount): string {
  const n = formatCount;
  const parts = [
    `${n(a.rowLines)} in ${n(a.rows)} rows`,
    a.header ? `${n(a.header)} header` : "",
    a.preamble ? `${n(a.preamble)} above the table` : "",
    a.notes ? `${n(a.notes)} below it` : "",
    a.blank ? `${n(a.blank)} blank` : "",
    a.setAside ? `${n(a.setAside)} set aside` : "",
    a.comments ? `${n(a.comments)} ${a.comments === 1 ? "comment" : "comments"}` : "",
  ].filter(Boolean);
  return `${n(a.total)} lines = ${parts.join(" + ")}${a.balanced ? "" : " (does not add up)"}`;
}
