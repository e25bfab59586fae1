import { describe, expect, it } from "vitest";
import { freshDuckDb } from "@/test/duckdb-node";
import { fragmentProblem, spliced } from "./fragment";

/** Fragments whose every ( ) ; sits where a naive reading would not see it. */
const INSIDE = [
  "amount > 0",
  "name = ')'",
  "name = 'it''s (' AND x IS NOT NULL",
  'lower("odd ) name") = \'a\'',
  "a = $$ ) ; $$",
  "a = $tag$ '); $tag$",
  "a = E'\\') ;'",
  "x > 1 -- ) ;",
  "x > 1 /* ) /* nested ; */ ( */",
  "b$c$ > 0",
  "(x + (b * 2)) > 3",
];
const ESCAPING: [string, RegExp][] = [
  ["1) OR (1", /closes a parenthesis/],
  ["1 --\r) OR (1", /closes a parenthesis/],
  ["true; SELECT 1", /;/],
  ["'open", /string is not closed/],
  ["E'\\'", /string is not closed/],
  ['"open', /quoted name is not closed/],
  ["$$ open", /\$\$ string is not closed/],
  ["/* a /* b */", /comment is not closed/],
  ["(1", /\( is not closed/],
];

describe("fragmentProblem", () => {
  it("accepts fragments whose parentheses, quotes and comments close inside them", () => {
    for (const f of INSIDE) expect(fragmentProblem(f), f).toBeNull();
  });

  it("refuses fragments that would leave their place in the statement", () => {
    for (const [f, why] of ESCAPING) expect(fragmentProblem(f), f).toMatch(why);
  });

  it("reads fragments as DuckDB does: each accepted one is one expression to DuckDB's parser", async () => {
    const db = await freshDuckDb();
    await db.run('CREATE TABLE t (amount INT, name VARCHAR, a VARCHAR, b INT, "b$c$" INT, x INT, "odd ) name" VARCHAR)');
    for (const f of INSIDE) {
      const rows = await db.rows(`DESCRIBE SELECT ${spliced(f)} AS v FROM t`);
      expect(rows.map((r) => r.column_name), f).toEqual(["v"]);
    }
  });
});
