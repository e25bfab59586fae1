/**
 * A recipe's SQL fragments (a rule's expression, a filter, a derived column)
 * are spliced into the pipeline's statements inside `(` … newline `)`. This
 * check keeps a fragment inside its parentheses: it lexes the fragment as
 * DuckDB's scanner does (PostgreSQL's rules: `--` comments end at \n or \r,
 * nested block comments, '' and E'\'' strings, $tag$ strings, "" names) and
 * refuses a fragment that closes a parenthesis it did not open, ends inside a
 * string or comment, or holds a `;`.
 *
 * It decides nothing about what the SQL reads: that is DuckDB's binder's job
 * (workers/engine/sql-check.ts). It only keeps the shape of the statement the
 * binder is shown the same as the shape the engine runs.
 */
const IDENT_START = /[A-Za-z_\u0080-\uffff]/;
const IDENT_CONT = /[A-Za-z0-9_$\u0080-\uffff]/;

export function fragmentProblem(sql: string): string | null {
  let depth = 0;
  let i = 0;
  const n = sql.length;
  while (i < n) {
    const c = sql[i]!;
    if (sql.startsWith("--", i)) {
      while (i < n && sql[i] !== "\n" && sql[i] !== "\r") i++;
    } else if (sql.startsWith("/*", i)) {
      const end = blockCommentEnd(sql, i);
      if (end < 0) return "A /* comment is not closed.";
      i = end;
    } else if (c === "'" || ((c === "E" || c === "e") && sql[i + 1] === "'")) {
      const escapes = c !== "'";
      const end = quotedEnd(sql, escapes ? i + 1 : i, "'", escapes);
      if (end < 0) return "A string is not closed.";
      i = end;
    } else if (c === '"') {
      const end = quotedEnd(sql, i, '"', false);
      if (end < 0) return "A quoted name is not closed.";
      i = end;
    } else if (c === "$" && dollarTag(sql, i) !== null) {
      const tag = dollarTag(sql, i)!;
      const end = sql.indexOf(tag, i + tag.length);
      if (end < 0) return `A ${tag} string is not closed.`;
      i = end + tag.length;
    } else if (IDENT_START.test(c)) {
      while (i < n && IDENT_CONT.test(sql[i]!)) i++;
    } else {
      if (c === ";") return "A ; would end the statement: a fragment is one expression.";
      if (c === "(") depth++;
      if (c === ")" && --depth < 0) return "A ) closes a parenthesis the fragment did not open.";
      i++;
    }
  }
  return depth === 0 ? null : "A ( is not closed.";
}

/** Where a block comment starting at `start` ends (block comments nest), or -1. */
function blockCommentEnd(sql: string, start: number): number {
  let depth = 0;
  let i = start;
  while (i < sql.length) {
    if (sql.startsWith("/*", i)) {
      depth++;
      i += 2;
    } else if (sql.startsWith("*/", i)) {
      i += 2;
      if (--depth === 0) return i;
    } else i++;
  }
  return -1;
}

/** Where a quoted run opened at `start` ends (a doubled quote stays inside; with escapes, so does \x), or -1. */
function quotedEnd(sql: string, start: number, quote: string, escapes: boolean): number {
  let i = start + 1;
  while (i < sql.length) {
    const c = sql[i]!;
    if (escapes && c === "\\") i += 2;
    else if (c === quote) {
      if (sql[i + 1] !== quote) return i + 1;
      i += 2;
    } else i++;
  }
  return -1;
}

/** The `$tag$` opening a dollar-quoted string at i ($$ or $name$), or null ($1 is a parameter). */
function dollarTag(sql: string, i: number): string | null {
  const match = /^\$([A-Za-z_\u0080-\uffff][A-Za-z0-9_\u0080-\uffff]*)?\$/.exec(sql.slice(i, i + 130));
  return match ? match[0] : null;
}

/** A fragment as the pipeline splices it: on lines of its own, so a trailing -- comment ends before the `)`. */
export const spliced = (fragment: string): string => `(\n${fragment}\n)`;
