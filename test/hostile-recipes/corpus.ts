import type { Recipe, Rule, Step } from "@/lib/recipe/schema";

/**
 * Recipes a hostile sender could write: each tries to make the browser (or
 * the DuckDB CLI running an exported script) read a file or a URL, or to slip
 * a statement past the pipeline. `decoy` is an origin that must never be
 * asked for anything. Used by the unit tests (test/hostile-recipes) and the
 * end-to-end tests (e2e/hostile-recipes.spec.ts).
 */
export interface Hostile {
  name: string;
  recipe: Recipe;
}

const recipe = (parts: { rules?: Rule[]; steps?: Step[]; sql?: string; name?: string }): Recipe => ({
  version: 1,
  name: parts.name,
  rules: parts.rules ?? [],
  steps: parts.steps ?? [],
  sql: parts.sql ?? null,
});
const expression = (sql: string): Rule => ({ id: "hostile", kind: "expression", sql, severity: "reject", enabled: true });
const filter = (where: string): Step => ({ kind: "filter", where, enabled: true });
const reference = (file: string, field: string, column = "id"): Rule => ({ id: "ref", kind: "reference", column, file, field, severity: "reject", enabled: true });
const derive = (expr: string): Step => ({ kind: "derive", name: "x", expression: expr, enabled: true });

/** A string as DuckDB's U&'…' form with every character escaped. */
const unicodeEscaped = (text: string) => [...text].map((c) => `\\${c.charCodeAt(0).toString(16).padStart(4, "0")}`).join("");

export function hostileRecipes(decoy: string): Hostile[] {
  const url = (file: string) => `${decoy}/${file}`;
  const sql = (name: string, text: string): Hostile => ({ name, recipe: recipe({ sql: text }) });
  return [
    sql("read_csv of a URL", `SELECT * FROM read_csv('${url("a.csv")}')`),
    sql("-- comment ended by \\r", `SELECT * FROM transformed --\rUNION ALL BY NAME SELECT * FROM read_csv('${url("b.csv")}')`),
    sql("$$ string", `SELECT $$x$$ AS a, * FROM read_csv($$${url("c.csv")}$$)`),
    sql("$tag$ string", `SELECT * FROM read_csv($q$${url("c2.csv")}$q$)`),
    sql("E'\\'' string", `SELECT E'\\'' AS q, * FROM read_csv(E'${url("d.csv")}')`),
    sql("double-quoted URL as a table", `SELECT * FROM "${url("e.csv")}"`),
    sql("single-quoted URL as a table", `SELECT * FROM '${url("f.csv")}'`),
    sql("query() runs a string", `SELECT * FROM query('SELECT * FROM read_csv(''${url("g.csv")}'')')`),
    sql("query_table() of a URL", `SELECT * FROM query_table('${url("h.csv")}')`),
    sql("sniff_csv binds without reading", `SELECT * FROM sniff_csv('${url("i.csv")}')`),
    sql("list argument", `SELECT * FROM read_csv(['${url("j1.csv")}', '${url("j2.csv")}'])`),
    sql("read_parquet", `SELECT * FROM read_parquet('${url("k.parquet")}')`),
    sql("read_text", `SELECT * FROM read_text('${url("l.txt")}')`),
    sql("a second statement", `SELECT * FROM transformed; ATTACH '${url("m.db")}' AS m`),
    sql("unicode-escaped string", `SELECT * FROM read_csv(U&'${unicodeEscaped(url("n.csv"))}')`),
    sql("unicode-escaped name", `SELECT * FROM U&"${unicodeEscaped(url("n2.csv"))}"`),
    sql("nested block comments", `/* a /* nested */ comment */ SELECT * FROM read_csv('${url("o.csv")}')`),
    sql("a CTE that reads a URL", `WITH x AS (SELECT * FROM read_csv('${url("r.csv")}')) SELECT * FROM transformed WHERE EXISTS (SELECT 1 FROM x)`),
    sql("glob", `SELECT * FROM glob('${url("*")}')`),
    sql("not a query: COPY", `COPY transformed TO '${url("q.csv")}'`),
    sql("not a query: LOAD", "LOAD httpfs"),
    sql("not a query: SET", "SET enable_external_access = true"),
    sql("catalog functions", "SELECT * FROM transformed, duckdb_tables()"),
    sql("read_csv_auto in a scalar subquery", `SELECT (SELECT count(*) FROM read_csv_auto('${url("t.csv")}')) AS n FROM transformed`),
    { name: "rule reads a URL", recipe: recipe({ rules: [expression(`(SELECT count(*) FROM read_csv('${url("r1.csv")}')) > 0`)] }) },
    { name: "rule leaves its parentheses after a \\r comment", recipe: recipe({ rules: [expression(`true --\r) OR (SELECT count(*) FROM read_csv('${url("r2.csv")}')) > 0 OR (true`)] }) },
    { name: "rule with $$ and a ;", recipe: recipe({ rules: [expression(`$$a$$ = 'a'); SELECT * FROM read_csv('${url("r3.csv")}'); SELECT (1`)] }) },
    { name: "filter reads a URL as a table", recipe: recipe({ steps: [filter(`EXISTS (SELECT 1 FROM '${url("f1.csv")}')`)] }) },
    { name: "filter breaks out", recipe: recipe({ steps: [filter(`1=1) UNION ALL SELECT * FROM read_csv('${url("f2.csv")}') WHERE (1=1`)] }) },
    { name: "derived column reads a URL", recipe: recipe({ steps: [derive(`(SELECT max(column0) FROM read_csv('${url("d1.csv")}', header = false))`)] }) },
    { name: "derived column with E'' escapes", recipe: recipe({ steps: [derive(`E'\\')' || (SELECT 1 FROM read_text('${url("d2.txt")}'))`)] }) },
    {
      name: "cast type breaks out",
      recipe: recipe({ steps: [{ kind: "cast", column: "amount", type: `INTEGER) AS amount FROM read_csv('${url("c1.csv")}') --`, enabled: true }] }),
    },
    {
      name: "target schema type breaks out",
      recipe: recipe({
        steps: [{ kind: "mapSchema", target: [{ name: "id", type: `BIGINT), * FROM read_csv('${url("c2.csv")}') --`, from: "id" }], enabled: true }],
      }),
    },
    { name: "reference rule names a URL as its file", recipe: recipe({ rules: [reference(url("k1.csv"), "id")] }) },
    { name: "reference rule names a table function as its file", recipe: recipe({ rules: [reference(`read_csv('${url("k2.csv")}')`, "column0")] }) },
    { name: "reference rule names an engine table as its file", recipe: recipe({ rules: [reference("staged_abc", "id")] }) },
    { name: "reference rule's field breaks out", recipe: recipe({ rules: [reference("customers", `id" FROM read_csv('${url("k3.csv")}') --`)] }) },
  ];
}

/** Recipes that are fine: the check must let them through (reading `customers`, another staged file, where named). */
export const fineRecipes: Hostile[] = [
  { name: "plain SQL", recipe: recipe({ sql: "SELECT * FROM transformed" }) },
  { name: "a join with another staged file", recipe: recipe({ sql: "SELECT t.*, c.name FROM transformed t LEFT JOIN customers c ON t.id = c.id" }) },
  { name: "strings that look like reads", recipe: recipe({ sql: "SELECT 'read_csv(''http://x'')' AS a, $$FROM 'y.csv'$$ AS b, E'\\'' AS c, * FROM transformed -- read_csv('z')" }) },
  { name: "a CTE, a window, range and unnest", recipe: recipe({ sql: "WITH r AS (SELECT range AS i FROM range(3)) SELECT unnest([1, 2]) AS u, row_number() OVER () AS n, * FROM transformed, r" }) },
  { name: "an expression rule, a filter and a derived column", recipe: recipe({ rules: [expression("amount >= 0 -- not negative")], steps: [filter("email LIKE '%@%' /* ( */"), derive("amount * 2")] }) },
  { name: "a derived column with a subquery over range", recipe: recipe({ steps: [derive("(SELECT max(range) FROM range(3)) + amount")] }) },
  { name: "a reference rule (foreign key) into another staged file", recipe: recipe({ rules: [reference("customers", "id")] }) },
];
