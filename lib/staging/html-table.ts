/**
 * The tables of an HTML document: what many web applications export as an "Excel" file (`report.xls`
 * holding a <table>), and a web page saved with its table. Each table is its rows of cell texts: tags
 * inside a cell are dropped, a <br> or a paragraph's end becomes a line break, character references are
 * decoded, runs of spaces collapse, a cell spanning columns is followed by empty ones (a title over the
 * table stays one value), and a cell spanning rows is repeated in the rows below (a group's name, as
 * pandas' read_html does), so no cell moves to another column. A table inside a cell is read as a table
 * of its own, not as the cell's text.
 */
export type HtmlTable = string[][];

/** What a document without a table is, most often: a page served instead of the data. */
export const NO_TABLE =
  "This is a web page (HTML) with no table in it, not a data file: the link it was downloaded from may have given an error or sign-in page instead of the data. Download it again, or save the table itself as CSV.";

// HTML's names for the characters 160 to 255 (Latin-1: é, ü, ñ, ß, £), in order; then a few others.
const LATIN1 =
  "nbsp iexcl cent pound curren yen brvbar sect uml copy ordf laquo not shy reg macr deg plusmn sup2 sup3 acute micro para middot cedil sup1 ordm raquo frac14 frac12 frac34 iquest " +
  "Agrave Aacute Acirc Atilde Auml Aring AElig Ccedil Egrave Eacute Ecirc Euml Igrave Iacute Icirc Iuml ETH Ntilde Ograve Oacute Ocirc Otilde Ouml times Oslash Ugrave Uacute Ucirc Uuml Yacute THORN szlig " +
  "agrave aacute acirc atilde auml aring aelig ccedil egrave eacute ecirc euml igrave iacute icirc iuml eth ntilde ograve oacute ocirc otilde ouml divide oslash ugrave uacute ucirc uuml yacute thorn yuml";
const NAMED: Record<string, string> = {
  ...Object.fromEntries(LATIN1.split(" ").map((name, i) => [name, String.fromCharCode(160 + i)])),
  amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", euro: "€", ndash: "–", mdash: "—", hellip: "…", lsquo: "‘", rsquo: "’", ldquo: "“", rdquo: "”", bull: "•", trade: "™",
};

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, ref: string) => {
    if (ref[0] === "#") {
      const code = ref[1] === "x" || ref[1] === "X" ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      return Number.isFinite(code) && code >= 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return NAMED[ref] ?? NAMED[ref.toLowerCase()] ?? whole;
  });
}

/** A cell's HTML as its text. */
function cellText(html: string): string {
  const text = html
    .replace(/<br\s*\/?>/gi, "\n")
    .replace(/<\/(p|div|li)>/gi, "\n")
    .replace(/<[^>]*>/g, "");
  return decodeEntities(text)
    .split("\n")
    .map((line) => line.replace(/[ \t\r\f\v\u00a0]+/g, " ").trim())
    .join("\n")
    .replace(/^\n+|\n+$/g, "");
}

const span = (tag: string, name: "colspan" | "rowspan"): number => Math.min(1000, Math.max(1, Number(new RegExp(`\\s${name}\\s*=\\s*["']?(\\d+)`, "i").exec(tag)?.[1] ?? 1)));

/** The rows of one table's HTML (its inner tables taken out). */
function tableRows(html: string): HtmlTable {
  const rows: HtmlTable = [];
  // Cells spanning rows below, by column: their text and how many rows they still cover.
  const below = new Map<number, { text: string; rows: number }>();
  const fillBelow = (cells: string[]) => {
    for (let held = below.get(cells.length); held; held = below.get(cells.length)) {
      cells.push(held.text);
      if (--held.rows === 0) below.delete(cells.length - 1);
    }
  };
  for (const [, row] of html.matchAll(/<tr\b[^>]*>([\s\S]*?)(?=<tr\b|<\/table>|$)/gi)) {
    const cells: string[] = [];
    for (const [, tag, inner] of row!.matchAll(/(<t[dh]\b[^>]*>)([\s\S]*?)(?=<t[dh]\b|<\/tr>|$)/gi)) {
      fillBelow(cells);
      const text = cellText(inner!.replace(/<\/t[dh]>[\s\S]*$/i, ""));
      const rowsBelow = span(tag!, "rowspan") - 1;
      if (rowsBelow > 0) below.set(cells.length, { text, rows: rowsBelow });
      cells.push(text, ...Array<string>(span(tag!, "colspan") - 1).fill(""));
    }
    fillBelow(cells);
    if (cells.length) rows.push(cells);
  }
  return rows;
}

/** Every table of the document, in the order they open: an inner table is read, then blanked out of the one around it. */
export function htmlTables(html: string): HtmlTable[] {
  const found: { at: number; rows: HtmlTable }[] = [];
  let rest = html.replace(/<!--[\s\S]*?-->/g, (c) => " ".repeat(c.length)).replace(/<(script|style)\b[\s\S]*?<\/\1>/gi, (c) => " ".repeat(c.length));
  let lower = rest.toLowerCase();
  for (let close = lower.indexOf("</table>"); close >= 0; close = lower.indexOf("</table>")) {
    // The last table opened before the first one closes has no table inside it.
    let open = lower.lastIndexOf("<table", close);
    while (open >= 0 && !/[\s>]/.test(lower[open + 6] ?? "")) open = lower.lastIndexOf("<table", open - 1);
    const end = close + "</table>".length;
    if (open >= 0) found.push({ at: open, rows: tableRows(rest.slice(open, end)) });
    // Blanked, not cut: every table keeps its place in the document.
    const from = Math.max(open, 0);
    const blank = " ".repeat(end - from);
    rest = rest.slice(0, from) + blank + rest.slice(end);
    lower = lower.slice(0, from) + blank + lower.slice(end);
  }
  return found.sort((a, b) => a.at - b.at).map((t) => t.rows).filter((t) => t.length > 0);
}

/** A table's name, for choosing it: its place among the document's tables. */
export const tableName = (index: number): string => `Table ${index + 1}`;

/** The table to stage unless one is chosen: the one with the most cells (a page's layout tables hold few); -1 for none. */
export function dataTable(tables: readonly HtmlTable[]): number {
  const cells = (t: HtmlTable) => t.reduce((n, row) => n + row.length, 0);
  return tables.reduce((best, t, i) => (best < 0 || cells(t) > cells(tables[best]!) ? i : best), -1);
}
