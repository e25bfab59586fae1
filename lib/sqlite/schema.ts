import { SqliteError, tableRows, type Pages } from "./btree";
import { isGeoPackageTable } from "./geopackage";

/** A table of a SQLite database, as its schema (`sqlite_schema`, page 1) declares it. */
export interface SqliteTable {
  name: string;
  /** The first page of its B-tree. */
  root: number;
  /** Its columns, in order, and which are stored in its records (a virtual generated column is not). */
  columns: { name: string; stored: boolean }[];
  /** The column that is the rowid (`INTEGER PRIMARY KEY`): its records hold NULL in its place. */
  rowidColumn: number | null;
  /** SQLite's own tables (sqlite_sequence, sqlite_stat1) and a full-text index's shadow tables: not data. */
  internal: boolean;
  /** A table stored without rowids (a B-tree of its keys). */
  withoutRowid: boolean;
  /** Its PRIMARY KEY's columns, in the key's order: a table WITHOUT ROWID stores them first in each record. */
  keyColumns: number[];
}

/** The database's tables (views, indexes, triggers and virtual tables left out), in the schema's order. */
export function sqliteTables(pages: Pages): SqliteTable[] {
  const tables: SqliteTable[] = [];
  const names = new Set<string>();
  for (const { values } of tableRows(pages, 1)) {
    const [type, name, , root, sql] = values;
    if (type !== "table" || typeof name !== "string") continue;
    // A virtual table (a full-text index) has no pages of its own: its data is in its shadow tables.
    names.add(name);
    if (typeof root !== "number" || root === 0 || typeof sql !== "string") continue;
    tables.push({ name, root, ...declaredColumns(sql), internal: name.startsWith("sqlite_") });
  }
  // A full-text index (CREATE VIRTUAL TABLE … USING fts5) keeps its data in tables named after it.
  for (const table of tables) if (/_(content|data|idx|docsize|config|segments|segdir|stat)$/.test(table.name) && names.has(table.name.replace(/_[a-z]+$/, ""))) table.internal = true;
  // A GeoPackage's own tables and its spatial indexes.
  if (names.has("gpkg_contents")) for (const table of tables) if (isGeoPackageTable(table.name)) table.internal = true;
  return tables;
}

const CONSTRAINT_WORDS = new Set(["CONSTRAINT", "PRIMARY", "NOT", "NULL", "UNIQUE", "CHECK", "DEFAULT", "COLLATE", "REFERENCES", "GENERATED", "AS"]);
const TABLE_CONSTRAINTS = new Set(["CONSTRAINT", "PRIMARY", "UNIQUE", "CHECK", "FOREIGN"]);

/** The columns a CREATE TABLE statement declares, which of them is the rowid, its key, and whether it is WITHOUT ROWID. */
export function declaredColumns(sql: string): Pick<SqliteTable, "columns" | "rowidColumn" | "withoutRowid" | "keyColumns"> {
  const tokens = tokenize(sql);
  const open = tokens.findIndex((t) => t.text === "(");
  if (open < 0) throw new SqliteError("a table's declaration cannot be read");
  const { parts: definitions, end } = listed(tokens, open + 1);
  const columns: SqliteTable["columns"] = [];
  const types: string[] = [];
  let rowidColumn: number | null = null;
  let columnKey: number | null = null;
  let tableKey: Token[][] | null = null;
  for (const definition of definitions) {
    const first = definition[0]!;
    if (!first.quoted && TABLE_CONSTRAINTS.has(first.upper)) {
      const key = definition.findIndex((t, i) => t.upper === "PRIMARY" && definition[i + 1]?.upper === "KEY");
      if (key >= 0) tableKey = listed(definition, key + 3).parts;
      continue;
    }
    const rest = definition.slice(1);
    const typeEnd = rest.findIndex((t) => !t.quoted && CONSTRAINT_WORDS.has(t.upper));
    const type = (typeEnd < 0 ? rest : rest.slice(0, typeEnd)).map((t) => t.upper).join(" ");
    const upper = rest.map((t) => (t.quoted ? "" : t.upper));
    const generated = upper.includes("AS") && !upper.includes("STORED");
    if (upper.some((w, i) => w === "PRIMARY" && upper[i + 1] === "KEY")) {
      columnKey = columns.length;
      if (type === "INTEGER" && !upper.includes("DESC")) rowidColumn = columns.length;
    }
    columns.push({ name: first.text, stored: !generated });
    types.push(type);
  }
  const keyColumns = tableKey
    ? tableKey.map((part) => columns.findIndex((c) => c.name.toLowerCase() === part[0]!.text.toLowerCase())).filter((at, i, all) => at >= 0 && all.indexOf(at) === i)
    : columnKey === null
      ? []
      : [columnKey];
  // PRIMARY KEY (id) over one INTEGER column makes that column the rowid too.
  if (rowidColumn === null && tableKey?.length === 1 && tableKey[0]!.length === 1 && types[keyColumns[0] ?? -1] === "INTEGER") rowidColumn = keyColumns[0]!;
  const after = tokens.slice(end + 1).map((t) => t.upper);
  const withoutRowid = after.some((w, i) => w === "WITHOUT" && after[i + 1] === "ROWID");
  return { columns, rowidColumn: withoutRowid ? null : rowidColumn, withoutRowid, keyColumns };
}

/**
 * A parenthesised list's parts, each its tokens, read from `from` (just after its "(") to its closing ")", and where
 * that ")" is: a table's definitions, or a key's columns (`a COLLATE nocase DESC, b)`).
 */
function listed(tokens: Token[], from: number): { parts: Token[][]; end: number } {
  const parts: Token[][] = [[]];
  let depth = 0;
  let end = tokens.length;
  for (let i = from; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.text === "(") depth++;
    if (t.text === ")" && depth-- === 0) {
      end = i;
      break;
    }
    if (t.text === "," && depth === 0) parts.push([]);
    else parts.at(-1)!.push(t);
  }
  return { parts: parts.filter((part) => part.length > 0), end };
}

interface Token {
  text: string;
  upper: string;
  quoted: boolean;
}

/** SQL's tokens, enough for a declaration: quoted names ("a b", [a b], `a b`), strings, words, punctuation; comments skipped. */
function tokenize(sql: string): Token[] {
  const tokens: Token[] = [];
  const pattern = /\s+|--[^\n]*|\/\*[\s\S]*?\*\/|"((?:[^"]|"")*)"|\[([^\]]*)\]|`((?:[^`]|``)*)`|'(?:[^']|'')*'|[A-Za-z_\u0080-\uffff][\w$\u0080-\uffff]*|[-+]?\d+(?:\.\d+)?|./g;
  for (const m of sql.matchAll(pattern)) {
    const [whole, double, bracket, backtick] = m;
    if (/^\s|^--|^\/\*/.test(whole)) continue;
    const quoted = double ?? bracket ?? backtick;
    if (quoted !== undefined) tokens.push({ text: double !== undefined ? quoted.replaceAll('""', '"') : backtick !== undefined ? quoted.replaceAll("``", "`") : quoted, upper: "", quoted: true });
    else tokens.push({ text: whole, upper: whole.toUpperCase(), quoted: false });
  }
  return tokens;
}
