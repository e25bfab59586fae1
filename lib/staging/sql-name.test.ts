import { describe, expect, it } from "vitest";
import { freshDuckDb } from "@/test/duckdb-node";
import { sqlNameFor } from "./sql-name";

describe("sqlNameFor", () => {
  it("makes a bare identifier of the file's stem", () => {
    expect(sqlNameFor("Orders 2024.csv", new Set())).toBe("orders_2024");
    expect(sqlNameFor("orders.csv.gz", new Set())).toBe("orders");
    expect(sqlNameFor("2024-sales.tsv", new Set())).toBe("f_2024_sales");
    expect(sqlNameFor("Café.csv", new Set())).toBe("cafe");
    expect(sqlNameFor("データ.csv", new Set())).toBe("file");
  });

  it("never gives the name of the validated rows, a schema or a reserved word", () => {
    expect(sqlNameFor("transformed.csv", new Set())).toBe("transformed_file");
    expect(sqlNameFor("Transformed.CSV", new Set())).toBe("transformed_file");
    expect(sqlNameFor("order.csv", new Set())).toBe("order_file");
    expect(sqlNameFor("recipe.json", new Set())).toBe("recipe_file");
  });

  it("resolves a name already taken with the next free number", () => {
    expect(sqlNameFor("Orders.csv.gz", new Set(["orders"]))).toBe("orders_2");
    expect(sqlNameFor("orders.csv", new Set(["orders", "orders_2"]))).toBe("orders_3");
  });

  it("gives names DuckDB reads bare, as the names of tables", async () => {
    const db = await freshDuckDb();
    for (const file of ["order.csv", "2024-sales.tsv", "select.csv", "Transformed.csv", "with space.csv"]) {
      const name = sqlNameFor(file, new Set());
      await db.run(`CREATE TABLE ${name} (a INT)`);
      expect(await db.rows(`SELECT count(*) AS n FROM ${name}`)).toEqual([{ n: 0 }]);
    }
  });
});
