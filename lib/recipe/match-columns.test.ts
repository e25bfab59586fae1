import { describe, expect, it } from "vitest";
import { matchColumns, parseTargetSchema, similarity } from "./match-columns";

describe("matchColumns", () => {
  it("matches equal names regardless of case and punctuation, then similar ones", () => {
    expect(matchColumns(["Customer ID", "e_mail", "amt", "Order Date"], ["customer_id", "email", "order_date", "amount"])).toEqual([
      "Customer ID",
      "e_mail",
      "Order Date",
      null,
    ]);
  });

  it("uses each source column once, for the target it fits best", () => {
    expect(matchColumns(["name"], ["name", "names"])).toEqual(["name", null]);
    expect(matchColumns(["first_name", "last_name"], ["lastname", "firstname"])).toEqual(["last_name", "first_name"]);
  });

  it("scores similarity between 0 and 1", () => {
    expect(similarity("Zip Code", "zipcode")).toBe(1);
    expect(similarity("amount", "amounts")).toBeGreaterThan(0.8);
    expect(similarity("x", "y")).toBe(0);
  });
});

describe("parseTargetSchema", () => {
  it("reads one column per line with an optional type", () => {
    expect(parseTargetSchema('id BIGINT\n\n email \n"order date" DATE\ntotal DECIMAL(10,2)')).toEqual([
      { name: "id", type: "BIGINT" },
      { name: "email", type: "VARCHAR" },
      { name: "order date", type: "DATE" },
      { name: "total", type: "DECIMAL(10,2)" },
    ]);
  });
});
