/**
 * A recipe's SQL may read only what the user staged: `transformed`, the staged
 * files' views and the rows at hand. DuckDB can also read files and URLs on
 * its own (read_csv('https://…'), FROM 'file.parquet', ATTACH …), and
 * `enable_external_access=false` would block registered files too, so every
 * SQL fragment of a recipe is checked here before it runs: table functions
 * that read files or the network, a string used as a table, more than one
 * statement, and (for the SQL stage) anything but a query are refused.
 */
const READERS = new Set([
  "read_csv", "read_csv_auto", "csv_scan", "sniff_csv", "read_parquet", "parquet_scan", "parquet_metadata", "parquet_schema",
  "parquet_file_metadata", "parquet_kv_metadata", "read_json", "read_json_auto", "read_json_objects", "read_json_objects_auto",
  "read_ndjson", "read_ndjson_auto", "read_ndjson_objects", "read_text", "read_blob", "glob", "query", "query_table",
  "read_xlsx", "iceberg_scan", "delta_scan", "sqlite_scan", "sqlite_attach", "postgres_scan", "postgres_attach", "mysql_scan",
  "getenv", "duckdb_secrets", "load_aws_credentials",
]);
const QUERY_START = new Set(["select", "with", "from", "values", "("]);
const TABLE_POSITION = new Set(["from", "join", ","]);

type Token = { kind: "word" | "string" | "symbol"; text: string };

function tokenize(sql: string): Token[] | string {
  const tokens: Token[] = [];
  let i = 0;
  while (i < sql.length) {
    const c = sql[i]!;
    if (/\s/.test(c)) i++;
    else if (sql.startsWith("--", i)) i = sql.indexOf("\n", i) < 0 ? sql.length : sql.indexOf("\n", i);
    else if (sql.startsWith("/*", i)) {
      const end = sql.indexOf("*/", i + 2);
      if (end < 0) return "A comment is not closed.";
      i = end + 2;
    } else if (c === "'" || c === '"') {
      let j = i + 1;
      for (;;) {
        if (j >= sql.length) return c === "'" ? "A string is not closed." : "A quoted name is not closed.";
        if (sql[j] === c) {
          if (sql[j + 1] === c) j += 2;
          else break;
        } else j++;
      }
      tokens.push(c === "'" ? { kind: "string", text: sql.slice(i + 1, j) } : { kind: "word", text: sql.slice(i + 1, j).toLowerCase() });
      i = j + 1;
    } else if (/[A-Za-z_]/.test(c)) {
      const m = /^[A-Za-z_][A-Za-z0-9_$]*/.exec(sql.slice(i))![0];
      tokens.push({ kind: "word", text: m.toLowerCase() });
      i += m.length;
    } else {
      tokens.push({ kind: "symbol", text: c });
      i++;
    }
  }
  return tokens;
}

/** Why this SQL may not run in a recipe, or null. `query` marks the SQL stage (a whole query). */
export function checkRecipeSql(sql: string, query = false): string | null {
  const tokens = tokenize(sql);
  if (typeof tokens === "string") return tokens;
  const last = tokens.length - 1;
  for (const [i, t] of tokens.entries()) {
    if (t.kind === "symbol" && t.text === ";" && !(query && i === last)) return "Only one SQL statement is allowed.";
    const next = tokens[i + 1];
    if (t.kind === "word" && next?.text === "(" && READERS.has(t.text)) {
      return `${t.text}() reads files or the network; a recipe reads only the staged files (by their names) and transformed.`;
    }
    const previous = tokens[i - 1];
    if (t.kind === "string" && previous && TABLE_POSITION.has(previous.text) && (previous.text !== "," || inFromList(tokens, i))) {
      return `'${t.text.slice(0, 60)}' is used as a table: a recipe reads only the staged files (by their names) and transformed.`;
    }
  }
  if (query) {
    const first = tokens[0];
    if (!first || !QUERY_START.has(first.text)) return "The SQL must be a query (SELECT, WITH, FROM or VALUES).";
  }
  return null;
}

/** Is the comma at i - 1 part of a FROM list (FROM a, 'x')? */
function inFromList(tokens: Token[], i: number): boolean {
  for (let j = i - 2; j >= 0; j--) {
    const t = tokens[j]!.text;
    if (t === "from" || t === "join") return true;
    if (t === "select" || t === "where" || t === "(" || t === ")" || t === "group" || t === "order" || t === "on") return false;
  }
  return false;
}
