import { line, type CleanTable } from "./clean";

/**
 * One pollution per file, each kind at several places (first, middle and
 * last data row; first, middle and last column), as spreadsheets, legacy
 * exports and hand edits break CSV files.
 */
export interface Variant {
  table: string;
  kind: string;
  where: string;
  text: string;
  /** The variant has no header line: names are generated. */
  noHeader?: boolean;
}

const ROWS = (t: CleanTable) => [["first row", 0], ["middle row", Math.floor(t.rows.length / 2)], ["last row", t.rows.length - 1]] as const;
const COLS = (t: CleanTable) => [["first column", 0], ["middle column", Math.floor(t.header.length / 2)], ["last column", t.header.length - 2]] as const;

const lines = (t: CleanTable) => [line(t.header), ...t.rows.map((r) => line(r))];
const file = (ls: readonly string[], end = "\n") => ls.join("\n") + end;

/** Change data row `r` (0-based) of the clean lines. */
function editRow(t: CleanTable, r: number, edit: (values: string[]) => string): string {
  const ls = lines(t);
  ls[r + 1] = edit([...t.rows[r]!]);
  return file(ls);
}

export function variants(t: CleanTable): Variant[] {
  const out: Variant[] = [];
  const add = (kind: string, where: string, text: string, extra: Partial<Variant> = {}) => out.push({ table: t.name, kind, where, text, ...extra });
  for (const [rowName, r] of ROWS(t)) {
    for (const [colName, c] of COLS(t)) {
      const where = `${rowName}, ${colName}`;
      add("stray quote", where, editRow(t, r, (v) => v.map((x, i) => (i === c ? `"${x}` : x.includes('"') || x.includes(",") ? `"${x.replaceAll('"', '""')}"` : x)).join(",")));
      add("extra delimiter", where, editRow(t, r, (v) => line(v.map((x, i) => (i === c ? x.slice(0, 2) + "\u0000" + x.slice(2) : x))).replace("\u0000", ",")));
      add("missing delimiter", where, editRow(t, r, (v) => joinAt(v, c, "")));
      add("delimiter replaced by a space", where, editRow(t, r, (v) => joinAt(v, c, " ")));
    }
    add("another delimiter in one row", rowName, editRow(t, r, (v) => line(v, ";")));
    add("other line endings in one row", rowName, editRow(t, r, (v) => line(v) + "\r"));
    add("blank lines inside", rowName, editRow(t, r, (v) => line(v) + "\n\n"));
  }
  for (let n = 1; n <= 5; n++) add("preamble", `${n} lines`, file([`Report: ${t.name}`, ...Array.from({ length: n - 1 }, (_, i) => (i % 2 ? "" : `Exported by Ledger 4.2 on 2024-03-0${i + 1}`)), ...lines(t)]));
  for (let n = 1; n <= 3; n++) add("notes at the end", `${n} lines`, file([...lines(t), "", ...Array.from({ length: n }, (_, i) => `Note ${i + 1}: figures are provisional`)]));
  add("summary row at the end", "Total", file([...lines(t), ["Total", ...Array.from({ length: t.header.length - 2 }, () => ""), "1234"].join(",")]));
  add("two-row header", "units below the names", file([lines(t)[0]!, t.header.map((h) => `(${h.split("_")[0]} unit)`).join(","), ...lines(t).slice(1)]));
  add("no header", "", file(lines(t).slice(1)), { noHeader: true });
  add("a second table", "below a blank line", file([...lines(t), "", "region,total,count", "north,1200,4", "south,800,3", "west,50,1"]));
  add("trailing delimiter", "every line", file(lines(t).map((l) => l + ",")));
  add("trailing delimiter", "data rows only", file(lines(t).map((l, i) => (i === 0 ? l : l + ","))));
  add("no final newline", "", file(lines(t), ""));
  add("two final newlines", "", file(lines(t), "\n\n"));
  add("byte-order mark", "", "\uFEFF" + file(lines(t)));
  add("spaces around delimiters", "", file([line(t.header).split(",").join(" , "), ...t.rows.map((r) => r.map((v) => (v.includes(",") || v.includes('"') ? `"${v.replaceAll('"', '""')}"` : v)).join(" , "))]));
  add("backslash-escaped quotes", "", file([line(t.header), ...t.rows.map((r) => line(r, ",", "\\"))]));
  return out;
}

/** The row with the delimiter between columns c and c + 1 replaced by `sep`. */
function joinAt(values: readonly string[], c: number, sep: string): string {
  const fields = values.map((v) => (v.includes(",") || v.includes('"') ? `"${v.replaceAll('"', '""')}"` : v));
  return [...fields.slice(0, c), `${fields[c]}${sep}${fields[c + 1]}`, ...fields.slice(c + 2)].join(",");
}
