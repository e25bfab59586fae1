import { beforeAll, expect, it } from "vitest";
import { parseOptionsSchema } from "@/lib/staging/parse-options";
import { wasmReadEngine } from "@/test/duckdb-wasm-node";
import type { CsvEngine } from "./engine";
import { readCsv } from "./read";

/**
 * A QuickBooks profit and loss report: sections opened by a line of their name alone ("Income"), their accounts
 * indented below, and "Total Income" after them. The sections' names and totals were read as rows, so a sum of
 * the amounts counted each account twice; its footer, one quoted value after blank lines, was set aside.
 */
let engine: CsvEngine;
beforeAll(async () => {
  engine = await wasmReadEngine();
});

const heading = "a heading among the rows (a page's or a group's title), not a row of data";
const subtotal = "a subtotal, not a row of data (summed with the rows, it would count them twice)";

it("reads a report's accounts as rows, its sections' names and totals set aside, its footer left out below", async () => {
  const text = [
    '"Profit and Loss"', '"Acme Inc"', '"January - December 2024"', "",
    '"","Total"',
    '"Income",""', '"   Sales","12,000.00"', '"   Services","3,000.00"', '"Total Income","$15,000.00"',
    '"Expenses",""', '"   Rent","6,000.00"', '"   Utilities","800.00"', '"Total Expenses","$6,800.00"',
    '"Net Income","$8,200.00"', "", "", '"Cash Basis Tuesday, January 7, 2025 10:15 AM GMT-05:00"',
  ].join("\n") + "\n";
  const read = await readCsv(engine, new Blob([text]), parseOptionsSchema.parse({ format: "csv" }), "pl", "pl.csv");
  expect(await engine.rows(`SELECT trim(column0) AS account, "Total" AS amount FROM pl`)).toEqual([
    { account: "Sales", amount: 12000 },
    { account: "Services", amount: 3000 },
    { account: "Rent", amount: 6000 },
    { account: "Utilities", amount: 800 },
    { account: "Net Income", amount: 8200 },
  ]);
  expect(read.notes.map((n) => [n.line, n.reason])).toEqual([
    [6, heading],
    [9, subtotal],
    [10, heading],
    [13, subtotal],
  ]);
  expect(read.lines).toMatchObject({ total: 17, preamble: 4, header: 1, setAside: 4, rows: 5, notes: 3, balanced: true });
});

it("keeps a line of a name alone as a row when no total of its section follows", async () => {
  const text = ["item,amount", "Income,", "Sales,5", "Total Income,5", "Misc,", "Rent,3"].join("\n") + "\n";
  const read = await readCsv(engine, new Blob([text]), parseOptionsSchema.parse({ format: "csv" }), "items", "items.csv");
  expect(await engine.rows(`SELECT item, amount FROM items`)).toEqual([
    { item: "Sales", amount: 5 },
    { item: "Misc", amount: null },
    { item: "Rent", amount: 3 },
  ]);
  expect(read.notes.map((n) => [n.line, n.reason])).toEqual([
    [2, heading],
    [4, subtotal],
  ]);
});
