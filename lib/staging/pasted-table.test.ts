import { describe, expect, it } from "vitest";
import { pastedTable } from "./pasted-table";

const value = <T>(r: { ok: true; value: T } | { ok: false }) => (r.ok ? r.value : null);

describe("pastedTable", () => {
  it("stages rows copied from a spreadsheet as TSV, numbered after the pasted tables already staged", () => {
    const rows = "name\tage\r\nAda\t36\r\nGrace\t45\r\n";
    expect(value(pastedTable(rows, "", []))).toEqual({ name: "pasted-table-1.tsv", text: rows, type: "text/tab-separated-values" });
    expect(value(pastedTable(rows, "", ["orders.csv", "pasted-table-1.tsv", "pasted-table-3.csv"]))?.name).toBe("pasted-table-4.tsv");
  });

  it("prefers the spreadsheet's tab-separated text over the HTML it also puts on the clipboard", () => {
    const html = "<meta charset='utf-8'><table><tr><td>name</td><td>age</td></tr></table>";
    expect(value(pastedTable("name\tage\nAda\t36", html, []))?.name).toBe("pasted-table-1.tsv");
  });

  it("stages a web page's table as HTML where its text is not tab-separated", () => {
    const html = "<meta charset='utf-8'><table class=\"x\"><tr><th>name</th></tr><tr><td>Ada</td></tr></table>";
    expect(value(pastedTable("name\nAda", html, []))).toEqual({ name: "pasted-table-1.html", text: html, type: "text/html" });
  });

  it("stages CSV, JSON and NDJSON text by what it holds", () => {
    expect(value(pastedTable("id,name\n1,Ada\n", "", []))?.name).toBe("pasted-table-1.csv");
    expect(value(pastedTable('[{"id": 1}, {"id": 2}]', "", []))?.name).toBe("pasted-table-1.json");
    expect(value(pastedTable('{"id": 1}\n{"id": 2}\n', "", []))).toMatchObject({ name: "pasted-table-1.ndjson", type: "application/x-ndjson" });
  });

  it("says why one line or an empty clipboard is not staged", () => {
    const one = pastedTable("just some words", "", []);
    expect(one.ok).toBe(false);
    if (!one.ok) expect(one.error.message).toMatch(/^The pasted text is one line, not a table/);
    const empty = pastedTable("  \n ", "", []);
    expect(empty.ok).toBe(false);
    if (!empty.ok) expect(empty.error.message).toMatch(/^The clipboard holds no text to stage/);
  });

  it("takes a single row copied from a spreadsheet as a table only with its header line", () => {
    expect(pastedTable("Ada\t36", "", []).ok).toBe(false);
    expect(pastedTable("name\tage\nAda\t36", "", []).ok).toBe(true);
  });
});
