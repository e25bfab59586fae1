import { describe, expect, it } from "vitest";
import { dataTable, htmlTables, tableName } from "./html-table";

describe("htmlTables", () => {
  it("reads an 'Excel' export that is an HTML table: header cells, entities, line breaks, spanned columns", () => {
    const html = `<html><head><meta charset="utf-8"><style>td { color: red }</style></head><body>
<table border=1><thead><tr><th>Order</th><th>Customer</th><th>Note</th></tr></thead>
<tbody><tr><td>1</td><td>Smith &amp; Sons</td><td>first<br>second</td></tr>
<tr><td>2</td><td colspan="2">&lt;none&gt; &#233;t&eacute; &#x20AC;5&nbsp;&nbsp;net</td></tr>
<tr><td>3<td>  Jo   Ann <td><p>a</p><p>b</p></tr></tbody></table></body></html>`;
    expect(htmlTables(html)).toEqual([
      [
        ["Order", "Customer", "Note"],
        ["1", "Smith & Sons", "first\nsecond"],
        ["2", "<none> été €5 net", ""],
        ["3", "Jo Ann", "a\nb"],
      ],
    ]);
  });

  it("repeats a cell spanning rows in the rows below, so no cell moves to another column", () => {
    const html = `<table><tr><th>Region</th><th>City</th><th>Sales</th></tr>
<tr><td rowspan="2">North</td><td>Oslo</td><td>10</td></tr><tr><td>Bergen</td><td>20</td></tr>
<tr><td>South</td><td rowspan=2>Rome</td><td>30</td></tr><tr><td>South</td><td>40</td></tr><tr><td colspan="2">Total</td><td>100</td></tr></table>`;
    expect(htmlTables(html)).toEqual([
      [
        ["Region", "City", "Sales"],
        ["North", "Oslo", "10"],
        ["North", "Bergen", "20"],
        ["South", "Rome", "30"],
        ["South", "Rome", "40"],
        ["Total", "", "100"],
      ],
    ]);
  });

  it("reads a table inside a cell as a table of its own, names the tables in the order they open, and picks the one with the most cells", () => {
    const html = `<table><tr><td>menu</td><td><table><tr><td>a</td><td>b</td></tr><tr><td>1</td><td>2</td></tr><tr><td>3</td><td>4</td></tr></table></td></tr></table>
<!-- <table><tr><td>commented</td></tr></table> --><TABLE class="x"><TR><TD>z</TD></TR></TABLE>`;
    const tables = htmlTables(html);
    expect(tables).toEqual([[["menu", ""]], [["a", "b"], ["1", "2"], ["3", "4"]], [["z"]]]);
    expect(dataTable(tables)).toBe(1);
    expect(tables.map((_, i) => tableName(i))).toEqual(["Table 1", "Table 2", "Table 3"]);
  });

  it("finds no table in a page without one", () => {
    expect(htmlTables("<html><body><p>Sign in</p><tablet>no</tablet></body></html>")).toEqual([]);
    expect(dataTable([])).toBe(-1);
  });
});
