import { describe, expect, it } from "vitest";
import { checkRecipeSql } from "./guard";

describe("checkRecipeSql", () => {
  it("lets queries over staged data through", () => {
    for (const sql of [
      "SELECT * FROM transformed",
      "WITH t AS (SELECT region, sum(amount) AS s FROM transformed GROUP BY 1) SELECT * FROM t JOIN regions USING (region);",
      "SELECT 'read_csv(x)' AS label, \"read_csv\" FROM transformed -- read_csv('http://x')",
      "SELECT a, 'x.csv' AS name FROM transformed, regions WHERE a IN ('a', 'b')",
    ]) {
      expect(checkRecipeSql(sql, true), sql).toBeNull();
    }
    expect(checkRecipeSql("amount > 0 AND status <> 'x'")).toBeNull();
  });

  it("refuses table functions that read files or the network, in any case or spacing", () => {
    expect(checkRecipeSql("SELECT * FROM read_csv('https://evil.example/x.csv')", true)).toMatch(/read_csv\(\) reads files or the network/);
    expect(checkRecipeSql("select * from transformed union all select * from READ_PARQUET ('/etc/x')", true)).toMatch(/read_parquet/);
    expect(checkRecipeSql("(SELECT count(*) FROM glob('*')) > 0")).toMatch(/glob/);
    expect(checkRecipeSql("SELECT * FROM query('SELECT 1')", true)).toMatch(/query\(\)/);
  });

  it("refuses a string used as a table", () => {
    expect(checkRecipeSql("SELECT * FROM 'http://127.0.0.1:9/data.csv'", true)).toMatch(/used as a table/);
    expect(checkRecipeSql("SELECT * FROM transformed, 'x.parquet'", true)).toMatch(/used as a table/);
    expect(checkRecipeSql("SELECT * FROM transformed t JOIN 'other.csv' o ON t.id = o.id", true)).toMatch(/used as a table/);
  });

  it("refuses more than one statement, and anything but a query at the SQL stage", () => {
    expect(checkRecipeSql("SELECT 1; ATTACH 'x.db'", true)).toBe("Only one SQL statement is allowed.");
    expect(checkRecipeSql("ATTACH 'https://x/db.duckdb' AS x", true)).toMatch(/must be a query/);
    expect(checkRecipeSql("COPY transformed TO 'x.csv'", true)).toMatch(/must be a query/);
    expect(checkRecipeSql("1 = 1; SELECT 1")).toBe("Only one SQL statement is allowed.");
  });

  it("refuses unclosed strings and comments instead of guessing", () => {
    expect(checkRecipeSql("SELECT 'oops FROM transformed", true)).toMatch(/not closed/);
    expect(checkRecipeSql("SELECT 1 /* read_csv(", true)).toMatch(/not closed/);
  });
});
