import { beforeAll, describe, expect, it } from "vitest";
import { parseOptionsSchema } from "@/lib/staging/parse-options";
import { wasmReadEngine } from "@/test/duckdb-wasm-node";
import type { CsvEngine } from "./engine";
import { readCsv } from "./read";

let engine: CsvEngine;
beforeAll(async () => {
  engine = await wasmReadEngine();
});

let n = 0;
async function read(text: string, extra: Record<string, unknown> = {}) {
  const table = `t${n++}`;
  const result = await readCsv(engine, new Blob([text]), parseOptionsSchema.parse({ format: "csv", ...extra }), table, `f${n}.csv`);
  const rows = await engine.rows(`SELECT * FROM ${table}`);
  const columns = (await engine.rows(`DESCRIBE ${table}`)).map((d) => `${d.column_name}:${d.column_type}`);
  return { result, rows, columns };
}

describe("readCsv", () => {
  it("reads a clean file once, typed", async () => {
    const { rows, columns, result } = await read("id,name,qty\n1,a,3\n2,b,4\n");
    expect(columns).toEqual(["id:BIGINT", "name:VARCHAR", "qty:BIGINT"]);
    expect(rows).toEqual([{ id: 1, name: "a", qty: 3 }, { id: 2, name: "b", qty: 4 }]);
    expect(result.lines).toMatchObject({ total: 3, header: 1, rowLines: 2, rows: 2, balanced: true });
  });

  it("finds the table under a title and above notes, and mends a stray quote", async () => {
    const text = 'Sales report\nGenerated 2024-01-01\n\nid,name,qty\n1,a,3\n2,"b,4\n3,c,5\n4,d,6\n\nTotal: 4 rows\n';
    const { rows, result } = await read(text);
    expect(rows.map((r) => r.id)).toEqual([1, 2, 3, 4]);
    expect(rows[1]).toEqual({ id: 2, name: "b", qty: 4 });
    expect(result.options).toMatchObject({ skip: 3, notes: 2 });
    expect(result.notes).toEqual([expect.objectContaining({ line: 6, status: "repaired" })]);
    expect(result.lines).toMatchObject({ total: 10, preamble: 3, header: 1, notes: 2, rowLines: 4, balanced: true });
  });

  it("keeps a row whose value does not fit the sniffed type, and reports the value", async () => {
    // Far enough down that DuckDB's sniffer, which samples, never sees it.
    const body = Array.from({ length: 60_000 }, (_, i) => `${i},p${i},${i * 2}`).join("\n");
    const { rows, columns, result } = await read(`id,name,qty\n${body}\n99,z,1RI-7338\n`);
    expect(rows).toHaveLength(60_001);
    expect(columns).toContain("qty:VARCHAR");
    expect(result.typeFindings).toEqual([{ column: "qty", type: "BIGINT", values: [{ line: 60_002, value: "1RI-7338" }] }]);
    expect(result.lines.balanced).toBe(true);
  });

  it("reads codes as text when a leading zero shows below DuckDB's sample (a ZIP code 02134)", async () => {
    const body = Array.from({ length: 30_000 }, (_, i) => `${10_000 + i},${i % 7}`).join("\n");
    const { rows, columns, result } = await read(`zip,qty\n${body}\n02134,5\n00501,6\n`);
    expect(columns).toEqual(["zip:VARCHAR", "qty:BIGINT"]);
    expect(rows.slice(-2)).toEqual([{ zip: "02134", qty: 5 }, { zip: "00501", qty: 6 }]);
    expect(rows[0]).toEqual({ zip: "10000", qty: 0 });
    expect(result.options).toMatchObject({ types: { zip: "VARCHAR" }, leadingZeros: { zip: "00501" } });
    expect(result.lines).toMatchObject({ rows: 30_002, balanced: true });
    // A shorter number written as such is a number: the column stays whole numbers.
    const plain = await read(`zip,qty\n${body}\n2134,5\n`);
    expect(plain.columns).toEqual(["zip:BIGINT", "qty:BIGINT"]);
    expect(plain.result.options.leadingZeros).toBeUndefined();
    // A type the user gave stands.
    const given = await read(`zip,qty\n${body}\n02134,5\n`, { types: { zip: "BIGINT" } });
    expect(given.columns).toEqual(["zip:BIGINT", "qty:BIGINT"]);
    expect(given.result.options.leadingZeros).toBeUndefined();
  });

  it("reads dates with a two-digit year last as such (31.12.24 is 31 December 2024, DuckDB's sniffer made it 24 December 2031)", async () => {
    const { rows, columns, result } = await read("Datum;Betrag\n31.12.24;5\n01.02.24;7\n15.03.25;9\n");
    expect(columns).toEqual(["Datum:DATE", "Betrag:BIGINT"]);
    const day = (v: unknown) => new Date(Number(v)).toISOString().slice(0, 10);
    expect(rows.map((r) => day(r.Datum))).toEqual(["2024-12-31", "2024-02-01", "2025-03-15"]);
    expect(result.options.dateFormat).toBe("%d.%m.%y");
    expect(result.dateFormat).toBe("%d.%m.%y");
    // Version numbers are no dates, though DuckDB's sniffer read 5.4.12 as 12 April 2005.
    expect((await read("app,version,build\nweb,5.4.12,100\nios,5.4.13,101\nandroid,5.10.1,102\n")).columns).toEqual(["app:VARCHAR", "version:VARCHAR", "build:BIGINT"]);
    // A year first that no day-first reading fits (a day of 45) stays as DuckDB read it.
    expect((await read("d\n45.12.24\n01.02.24\n")).rows.map((r) => day(r.d))).toEqual(["2045-12-24", "2001-02-24"]);
  });

  it("reads a header of two lines whose first names groups of columns (a pivot table's years) with both names", async () => {
    const { rows, columns, result } = await read("Quarterly sales\n\nRegion,2024,,2023,\n,Units,Revenue,Units,Revenue\nNorth,10,1200.5,9,1100\nSouth,11,1300.25,8,990\n");
    expect(columns).toEqual(["Region:VARCHAR", "2024 Units:BIGINT", "2024 Revenue:DOUBLE", "2023 Units:BIGINT", "2023 Revenue:BIGINT"]);
    expect(rows).toHaveLength(2);
    expect(result.lines).toMatchObject({ total: 6, preamble: 2, header: 2, rows: 2, balanced: true });
  });

  it("sets aside a line no mend explains, and counts it", async () => {
    const body = Array.from({ length: 20 }, (_, i) => `${i},p${i},${i * 2}`).join("\n");
    const { rows, result } = await read(`id,name,qty\n${body}\n5,x,y,z,w\n`);
    expect(rows).toHaveLength(20);
    expect(result.notes).toEqual([expect.objectContaining({ line: 22, status: "set aside", text: "5,x,y,z,w" })]);
    expect(result.lines).toMatchObject({ setAside: 1, balanced: true });
  });

  it("gives a line set aside at the very end of a file with no last line end its own line number (it was line 0)", async () => {
    const { rows, result } = await read("x,y\n1,2\n3,4\nfoo");
    expect(rows).toHaveLength(2);
    expect(result.notes).toEqual([expect.objectContaining({ line: 4, status: "set aside", text: "foo" })]);
  });

  it("keeps the names of a header that alone ends in a delimiter (they were taken for a title line)", async () => {
    const { rows, columns, result } = await read("a,b,c,\n1,2,3\n4,5,6\n");
    expect(columns).toEqual(["a:BIGINT", "b:BIGINT", "c:BIGINT"]);
    expect(rows).toEqual([{ a: 1, b: 2, c: 3 }, { a: 4, b: 5, c: 6 }]);
    expect(result.lines).toMatchObject({ total: 3, preamble: 0, header: 1, rows: 2, balanced: true });
  });

  it("keeps each row's line in a table when blank, comment or set-aside lines come between the rows", async () => {
    const text = 'Report\n\nid,name\n1,a\n\n2,"two\nlines"\n9,x,y,z\n3,c\n';
    const { result } = await read(text);
    expect(result.rowLines).toEqual({ before: 3, table: true });
    const table = `t${n - 1}_lines`;
    expect((await engine.rows(`SELECT line FROM ${table}`)).map((r) => r.line)).toEqual([4, 6, 9]);
    expect((await read("id,name\n1,a\n2,b\n")).result.rowLines).toEqual({ before: 1 });
    // Rows of one line each: their lines follow from the blank lines counted and the lines set aside.
    const { result: apart } = await read("Report\n\nid,name\n1,a\n\n2,b\n9,x,y,z\n3,c\n\n");
    expect(apart.rowLines).toEqual({ before: 3, table: true });
    expect((await engine.rows(`SELECT line FROM t${n - 1}_lines`)).map((r) => r.line)).toEqual([4, 6, 8]);
    expect((await read("# made today\nid,name\n# note\n1,a\n2,b\n", { comment: "#" })).result.rowLines).toEqual({ before: 2, table: true });
  });

  it("counts comment lines among the rows as comments, not as lines of rows", async () => {
    const { result } = await read("# made today\nid,name\n# note\n1,a\n2,b\n# end\n", { comment: "#" });
    expect(result.lines).toMatchObject({ total: 6, preamble: 1, header: 1, comments: 2, rows: 2, rowLines: 2, balanced: true });
    // Read as comments, rows that start with # would show: no row read from their lines.
    const { result: dropped } = await read("id,name\n#1,a\n#2,b\n", { comment: "#" });
    expect(dropped.lines).toMatchObject({ total: 3, comments: 2, rows: 0, rowLines: 0, balanced: true });
  });

  it("counts a blank line inside a quoted value (a paragraph break) as a line of its row, not as a blank line", async () => {
    const { rows, result } = await read('id,note\n1,"first\n\nsecond"\n2,b\n');
    expect(rows).toEqual([{ id: 1, note: "first\n\nsecond" }, { id: 2, note: "b" }]);
    expect(result.lines).toMatchObject({ total: 5, header: 1, blank: 0, rows: 2, rowLines: 4, balanced: true });
    // No line table: the rows follow one another, their lines found from the line ends in their values.
    expect(result.rowLines).toEqual({ before: 1 });
    // A blank line between rows as well still counts as one.
    const { result: both } = await read('id,note\n1,"first\n\nsecond"\n\n2,b\n');
    expect(both.lines).toMatchObject({ total: 6, blank: 1, rows: 2, rowLines: 4, balanced: true });
    expect(both.rowLines).toEqual({ before: 1, table: true });
  });

  it("does not read a line of delimiters alone among the rows as a row (a spreadsheet's empty row): its line is blank", async () => {
    const { rows, result } = await read("id,name,qty\n1,a,3\n,,\n2,b,4\n,,\n3,c,5\n");
    expect(rows.map((r) => r.id)).toEqual([1, 2, 3]);
    expect(result.lines).toMatchObject({ total: 6, header: 1, blank: 2, rows: 3, rowLines: 3, balanced: true });
    expect(result.rowLines).toEqual({ before: 1, table: true });
    expect((await engine.rows(`SELECT line FROM t${n - 1}_lines`)).map((r) => r.line)).toEqual([2, 4, 6]);
    // A row with a value in one column stays.
    expect((await read("id,name\n1,a\n,b\n2,c\n")).rows).toHaveLength(3);
  });

  it("sets aside the header repeated among the rows (files joined end to end), and keeps the columns' types and the rows' lines", async () => {
    const { rows, columns, result } = await read("id,name,amount\n1,a,1.5\n2,b,2.5\nid,name,amount\n3,c,3.5\n4,d,4.5\n");
    expect(columns).toEqual(["id:BIGINT", "name:VARCHAR", "amount:DOUBLE"]);
    expect(rows.map((r) => r.id)).toEqual([1, 2, 3, 4]);
    expect(result.notes).toEqual([{ line: 4, status: "set aside", reason: "the header again (files joined end to end?)", text: "id,name,amount" }]);
    expect(result.lines).toMatchObject({ header: 1, setAside: 1, rows: 4, balanced: true });
    expect((await engine.rows(`SELECT line FROM t${n - 1}_lines`)).map((r) => r.line)).toEqual([2, 3, 5, 6]);
    // Far below the first lines, the read rejects it for its types, and it is set aside all the same.
    const many = Array.from({ length: 30_000 }, (_, i) => `${i},p${i},${i}.5`).join("\n");
    const far = await read(`id,name,amount\n${many}\nid,name,amount\n${many}\n`);
    expect(far.columns).toEqual(["id:BIGINT", "name:VARCHAR", "amount:DOUBLE"]);
    expect(far.result.notes).toEqual([{ line: 30_002, status: "set aside", reason: "the header again (files joined end to end?)", text: "id,name,amount" }]);
    // In a table of text alone nothing rejects it: it is found by its values, then by its line.
    const words = Array.from({ length: 20_000 }, (_, i) => `k${i},p${i},note ${i}`).join("\n");
    const text = await read(`key,name,note\n${words}\nkey,name,note\n${words}\n`);
    expect(text.result.notes).toEqual([{ line: 20_002, status: "set aside", reason: "the header again (files joined end to end?)", text: "key,name,note" }]);
    expect(text.result.lines).toMatchObject({ setAside: 1, rows: 40_000, balanced: true });
    expect(text.rows.filter((r) => r.key === "key")).toEqual([]);
    expect((await engine.rows(`SELECT line FROM t${n - 1}_lines WHERE line BETWEEN 20001 AND 20003`)).map((r) => r.line)).toEqual([20_001, 20_003]);
  });

  it("sets aside subtotal rows among the rows (a pivot table's, QuickBooks'), so a sum counts each row once", async () => {
    const pivot = await read("Region,Product,Units\nNorth,A,10\nNorth,B,5\nNorth Total,,15\nSouth,A,3\nSouth Total,,3\nGrand Total,,18\n");
    expect(pivot.columns).toEqual(["Region:VARCHAR", "Product:VARCHAR", "Units:BIGINT"]);
    expect(pivot.rows.map((r) => r.Units)).toEqual([10, 5, 3]);
    const reason = "a subtotal, not a row of data (summed with the rows, it would count them twice)";
    expect(pivot.result.notes).toEqual([
      { line: 4, status: "set aside", reason, text: "North Total,,15" },
      { line: 6, status: "set aside", reason, text: "South Total,,3" },
    ]);
    // The grand total below the rows is a note, as before.
    expect(pivot.result.lines).toMatchObject({ total: 7, header: 1, rows: 3, setAside: 2, notes: 1, balanced: true });
    expect((await engine.rows(`SELECT line FROM t${n - 1}_lines`)).map((r) => r.line)).toEqual([2, 3, 5]);
    // QuickBooks writes the total first, quoted. One among the first lines has the whole file looked through: those far below are found too.
    const income = Array.from({ length: 30_000 }, (_, i) => `"Sale ${i}","Income","${i}.50"`).join("\n");
    const opening = '"Cash","Asset","1.00"\n"Bank","Asset","2.00"\n"Till","Asset","2.00"\n"Total Opening","","5.00"';
    const books = await read(`"Account","Type","Amount"\n${opening}\n${income}\n"Total Income","","1234.50"\n${income}\n"Total Expenses","","99.00"\n"Net","x","1"\n`);
    expect(books.result.notes.map((note) => [note.line, note.text])).toEqual([
      [5, '"Total Opening","","5.00"'],
      [30_006, '"Total Income","","1234.50"'],
      [60_007, '"Total Expenses","","99.00"'],
    ]);
    expect(books.result.lines).toMatchObject({ rows: 60_004, setAside: 3, balanced: true });
    // Not subtotals: a total with every value given, a product named so, and a value spanning lines.
    const kept = await read('item,label,n\nTotal Gym,fitness,2\nA,Total,1\nB,"two\nSub Total",\n');
    expect(kept.rows).toHaveLength(3);
    expect(kept.result.notes).toEqual([]);
  });

  it("names the columns of long numbers Excel saved as it shows them (1.23457E+11), whose other digits are gone", async () => {
    const { result } = await read("sku,name,qty\n4.00638E+12,a,1\n4006381333931,b,2\n");
    expect(result.lostDigits).toEqual([{ column: "sku", example: "4.00638E+12" }]);
    expect((await read("id,name\n1,a\n")).result.lostDigits).toEqual([]);
  });

  it("leaves out columns with no name and no value (a spreadsheet's ,,, ending every line), and keeps named or filled ones", async () => {
    const trailing = await read("name,amount,,,\nTea,1.5,,,\nCoffee,2,,,\n");
    expect(trailing.columns).toEqual(["name:VARCHAR", "amount:DOUBLE"]);
    // The empty column the delimiter ending every line makes is one of them.
    expect(trailing.result.options.emptyColumns).toEqual(["column2", "column3", "column4"]);
    expect(trailing.result.lines).toMatchObject({ rows: 2, balanced: true });
    const kept = await read("name,note,,\nTea,,x,\nCoffee,,,\n");
    expect(kept.columns).toEqual(["name:VARCHAR", "note:VARCHAR", "column2:VARCHAR"]);
    expect(kept.result.options.emptyColumns).toEqual(["column3"]);
  });

  it("reads a header-only file as an empty table with its columns", async () => {
    const { rows, columns } = await read("id,name,qty\n");
    expect(rows).toEqual([]);
    expect(columns).toHaveLength(3);
  });

  it("reads a rewritten line in place of the one set aside", async () => {
    const body = Array.from({ length: 20 }, (_, i) => `${i},p${i},${i * 2}`).join("\n");
    const { rows, result } = await read(`id,name,qty\n${body}\n5,x,y,z,w\n`, { edits: [{ line: 22, text: "5,x,10" }] });
    expect(rows).toHaveLength(21);
    expect(rows[20]).toEqual({ id: 5, name: "x", qty: 10 });
    expect(result.notes).toEqual([]);
  });
});

describe("files in the likeness of real ones stage on the first try", () => {
  it("a spending report with blank note rows at the end", async () => {
    const body = Array.from({ length: 12 }, (_, i) => `2024-0${1 + (i % 9)}-1${i % 9},Dept ${i % 3},Supplier ${i},${(i + 1) * 125}.50`).join("\n");
    const { rows, result } = await read(`date,department,supplier,amount\n${body}\n,,,\n,,,\nSource: finance team,,,\n`);
    expect(rows).toHaveLength(12);
    expect(result.options.notes).toBe(3);
    expect(result.lines).toMatchObject({ total: 16, notes: 3, balanced: true });
  });

  it("an instrument export with metadata lines above the table", async () => {
    const body = Array.from({ length: 40 }, (_, i) => `${400 + i * 2},${(90 + Math.sin(i) * 5).toFixed(2)}`).join("\n");
    const { rows, columns, result } = await read(`TITLE: Sample 12 FTIR\nDATE: 2021-04-02\nINSTRUMENT: Spectrum Two\ncm-1,%T\n${body}\n`);
    expect(columns).toEqual(["cm-1:BIGINT", "%T:DOUBLE"]);
    expect(rows).toHaveLength(40);
    expect(result.lines).toMatchObject({ preamble: 3, balanced: true });
  });

  it("a semicolon export whose data rows end in a delimiter the header lacks", async () => {
    const body = Array.from({ length: 18 }, (_, i) => `${i};${(i * 0.5).toFixed(1)};probe ${i};`).join("\n");
    const { rows, columns, result } = await read(`id;value;label\n${body}\n`);
    expect(columns).toEqual(["id:BIGINT", "value:DOUBLE", "label:VARCHAR"]);
    expect(rows).toHaveLength(18);
    expect(result.lines.balanced).toBe(true);
  });

  it("reads quotes that appear only far down a big file as quotes (DuckDB issue 11838: its sniffer then chose none)", async () => {
    const lines = Array.from({ length: 30_000 }, (_, i) => `${i},name ${i},${i % 7}`);
    lines[25_000] = '25000,"Smith, John",3';
    const { rows, result } = await read(`id,name,qty\n${lines.join("\n")}\n`);
    expect(rows).toHaveLength(30_000);
    expect(rows[25_000]).toEqual({ id: 25_000, name: "Smith, John", qty: 3 });
    expect(result.notes).toEqual([]);
    expect(result.lines).toMatchObject({ total: 30_001, rows: 30_000, balanced: true });
  });

  it("a text file with one stray control byte", async () => {
    const { rows } = await read("id,name\n1,Ann\u0001\n2,Bo\n");
    expect(rows).toEqual([{ id: 1, name: "Ann\u0001" }, { id: 2, name: "Bo" }]);
  });
  describe("numbers written for people", () => {
    const german = "Datum;Artikel;Menge;Betrag;IP\n01.02.2024;Äpfel;3;1.234,56;192.168.1.1\n15.03.2024;Birnen;1.200;7,50;10.0.0.1\n28.03.2024;Kiwi;1;0,99;10.0.0.2\n";

    it("reads a decimal comma and dotted thousands as numbers, and an address as text (DuckDB's own thousands option made it 19216811)", async () => {
      const { rows, columns, result } = await read(german);
      expect(columns).toEqual(["Datum:DATE", "Artikel:VARCHAR", "Menge:BIGINT", "Betrag:DOUBLE", "IP:VARCHAR"]);
      expect(rows.map((r) => [r.Menge, r.Betrag, r.IP])).toEqual([[3, 1234.56, "192.168.1.1"], [1200, 7.5, "10.0.0.1"], [1, 0.99, "10.0.0.2"]]);
      expect(result.options).toMatchObject({ numberFormat: "comma", numbers: { Menge: { format: "comma", type: "BIGINT" }, Betrag: { format: "comma", type: "DOUBLE" } } });
      expect(result.lines.balanced).toBe(true);
    });

    it("reads whole numbers grouped by points in a file delimited by semicolons as thousands, with no decimal comma to tell (DuckDB read 1.000 as 1)", async () => {
      const { rows, columns, result } = await read("Artikel;Datum;Menge\nA;01.02.2024;1.000\nB;03.02.2024;2.500\nC;05.02.2024;750\n");
      expect(columns).toEqual(["Artikel:VARCHAR", "Datum:DATE", "Menge:BIGINT"]);
      expect(rows.map((r) => r.Menge)).toEqual([1000, 2500, 750]);
      expect(result.options).toMatchObject({ numberFormat: "comma", numbers: { Menge: { format: "comma", type: "BIGINT" } } });
      // Delimited by commas, 1.000 is one, as DuckDB reads it.
      expect((await read("item,qty\nA,1.000\nB,2.500\n")).rows.map((r) => r.qty)).toEqual([1, 2.5]);
    });

    it("reads numbers with a minus after them (SAP's export) as negative numbers", async () => {
      const { rows, columns, result } = await read("Material\tBetrag\tMenge\n100\t1.234,56-\t5\n200\t99,00\t3-\n300\t12.000,00\t7\n");
      expect(columns).toEqual(["Material:BIGINT", "Betrag:DOUBLE", "Menge:BIGINT"]);
      expect(rows.map((r) => [r.Betrag, r.Menge])).toEqual([[-1234.56, 5], [99, -3], [12000, 7]]);
      expect(result.options).toMatchObject({ numbers: { Betrag: { format: "comma", type: "DOUBLE" } } });
    });

    it("reads amounts of money as numbers: a currency's symbol or code, negatives in parentheses; two currencies in one column stay text", async () => {
      const csv = 'date,item,amount,fee,mixed\n2024-01-02,Rent,"$1,250.00",($4.50),$5\n2024-01-03,Refund,"-$99.95",$0.00,€5\n2024-01-04,Fix,"(1,000.00)",NA,$7\n';
      const { rows, columns, result } = await read(csv);
      expect(columns).toEqual(["date:DATE", "item:VARCHAR", "amount:DOUBLE", "fee:DOUBLE", "mixed:VARCHAR"]);
      expect(rows.map((r) => [r.amount, r.fee, r.mixed])).toEqual([[1250, -4.5, "$5"], [-99.95, 0, "€5"], [-1000, null, "$7"]]);
      expect(result.options.numbers).toEqual({ amount: { format: "point", type: "DOUBLE", currency: "$" }, fee: { format: "point", type: "DOUBLE", markers: true, currency: "$" } });
      const euro = await read("Datum;Betrag\n01.02.2024;1.234,56 €\n02.02.2024;-7,50 €\n");
      expect(euro.columns).toEqual(["Datum:DATE", "Betrag:DOUBLE"]);
      expect(euro.rows.map((r) => r.Betrag)).toEqual([1234.56, -7.5]);
      // Excel's accounting format saved as CSV: spaces around, the negative's parentheses after the currency, a dash for zero;
      // an ad platform's -- where a figure has no value.
      const excel = await read('Account,Balance,Clicks\nCash," $1,234.56 ",12\nLoan," $(99.95)",--\nOther," $-   ","1,024"\n');
      expect(excel.columns).toEqual(["Account:VARCHAR", "Balance:DOUBLE", "Clicks:BIGINT"]);
      expect(excel.rows.map((r) => [r.Balance, r.Clicks])).toEqual([[1234.56, 12], [-99.95, null], [0, 1024]]);
      // Whole numbers all in parentheses are labels (area codes, footnote marks), not negatives.
      expect((await read("name,area,mark\nAnn,(212),(1)\nBo,(415),(2)\nCy,(650),(3)\n")).columns).toEqual(["name:VARCHAR", "area:VARCHAR", "mark:VARCHAR"]);
      // A typeset minus (U+2212), as web pages' tables write it.
      const typeset = await read("city,change,temp\nOslo,\u22121.5,\u22123\nRome,2.5,14\n");
      expect(typeset.columns).toEqual(["city:VARCHAR", "change:DOUBLE", "temp:BIGINT"]);
      expect(typeset.rows.map((r) => [r.change, r.temp])).toEqual([[-1.5, -3], [2.5, 14]]);
    });

    it("reads a column of percentages as fractions, as Excel does; a column mixing 5 and 5% stays text", async () => {
      const { rows, columns, result } = await read("Campaign,CTR,Share,Mixed\nBrand,2.50%,12 %,5\nShop,--,7.5 %,5%\nSale,10.25%,100 %,6\n");
      expect(columns).toEqual(["Campaign:VARCHAR", "CTR:DOUBLE", "Share:DOUBLE", "Mixed:VARCHAR"]);
      expect(rows.map((r) => [r.CTR, r.Share, r.Mixed])).toEqual([[0.025, 0.12, "5"], [null, 0.075, "5%"], [0.1025, 1, "6"]]);
      expect(result.options.numbers).toMatchObject({ CTR: { type: "DOUBLE", percent: true, markers: true }, Share: { type: "DOUBLE", percent: true } });
    });

    it("reads figures shortened for people ($1.2M, 350K) as numbers, when more than a letter says so; a race's 5K and 10K stay text", async () => {
      const { rows, columns, result } = await read("company,revenue,staff,race,flat\nA,$1.2M,1.5k,5K,1B\nB,$350K,200,10K,2B\nC,$2.1B,12k,21K,3B\n");
      expect(columns).toEqual(["company:VARCHAR", "revenue:DOUBLE", "staff:DOUBLE", "race:VARCHAR", "flat:VARCHAR"]);
      expect(rows.map((r) => [r.revenue, r.staff, r.race])).toEqual([[1_200_000, 1500, "5K"], [350_000, 200, "10K"], [2_100_000_000, 12_000, "21K"]]);
      expect(result.options.numbers).toEqual({
        revenue: { format: "point", type: "DOUBLE", currency: "$", magnitude: true },
        staff: { format: "point", type: "DOUBLE", magnitude: true },
      });
    });

    it("reads a key and value list's first row as its header, though its values mix words and numbers", async () => {
      const { rows, columns } = await read("key,value\nname,Ada\nage,36\ncity,London\n");
      expect(columns).toEqual(["key:VARCHAR", "value:VARCHAR"]);
      expect(rows.map((r) => [r.key, r.value])).toEqual([["name", "Ada"], ["age", "36"], ["city", "London"]]);
    });

    it("reads numbers with a unit after each (12 kg, 21.5 °C) as numbers in that unit; a column of several units stays text", async () => {
      const { rows, columns, result } = await read("item,weight,temp,volume\nA,12 kg,21.5 °C,1 l\nB,15.5 kg,-3 °C,750 ml\nC,7 kg,0 °C,2 l\n");
      expect(columns).toEqual(["item:VARCHAR", "weight:DOUBLE", "temp:DOUBLE", "volume:VARCHAR"]);
      expect(rows.map((r) => [r.weight, r.temp])).toEqual([[12, 21.5], [15.5, -3], [7, 0]]);
      expect(result.options.numbers).toEqual({ weight: { format: "point", type: "DOUBLE", unit: "kg" }, temp: { format: "point", type: "DOUBLE", unit: "°C" } });
    });

    it("reads Excel's text formulas (=\"02134\", written to keep a code's zeros) as the text inside", async () => {
      const { rows, columns, result } = await read('id,zip,phone,note\n1,"=""02134""",="0044123",="a"\n2,"=""10001""",="0044999",b\n');
      expect(columns).toEqual(["id:BIGINT", "zip:VARCHAR", "phone:VARCHAR", "note:VARCHAR"]);
      expect(rows.map((r) => [r.zip, r.phone, r.note])).toEqual([["02134", "0044123", '="a"'], ["10001", "0044999", "b"]]);
      expect(result.options.formulaText).toEqual(["zip", "phone"]);
    });

    it("reads quoted thousands with a decimal point as numbers", async () => {
      const { rows, columns } = await read('item,amount,n,big\napple,"1,234.56","1,234","12,345,678,901,234,567,890"\npear,7.50,"12,000","1,000"\n');
      expect(columns).toEqual(["item:VARCHAR", "amount:DOUBLE", "n:BIGINT", "big:HUGEINT"]);
      expect(rows.map((r) => [r.amount, r.n, String(r.big)])).toEqual([[1234.56, 1234, "12345678901234567890"], [7.5, 12000, "1000"]]);
    });

    it("keeps a column as text, whole, when one value is not a number, when told to read numbers plain, and when given a type", async () => {
      const rows = Array.from({ length: 3000 }, (_, i) => `p${i};${i},5`);
      rows[2900] = "p2900;ask";
      const { columns, result } = await read(`item;price\n${rows.join("\n")}\n`);
      expect(columns).toEqual(["item:VARCHAR", "price:VARCHAR"]);
      expect(result.options.numbers).toBeUndefined();
      expect((await read("item;price\napple;1,5\npear;2,5\n", { numberFormat: "plain" })).columns).toEqual(["item:VARCHAR", "price:VARCHAR"]);
      expect((await read("item;price\napple;1,5\npear;2,5\n", { types: { price: "VARCHAR" } })).columns).toEqual(["item:VARCHAR", "price:VARCHAR"]);
    });

    it("leaves 1,234 as text in a file that does not say which mark is decimal, and reads it as the user says", async () => {
      expect((await read("item\tn\napple\t1,234\npear\t12,000\n")).columns).toEqual(["item:VARCHAR", "n:VARCHAR"]);
      const { rows, columns } = await read("item\tn\napple\t1,234\npear\t12,000\n", { numberFormat: "comma" });
      expect(columns).toEqual(["item:VARCHAR", "n:DOUBLE"]);
      expect(rows.map((r) => r.n)).toEqual([1.234, 12]);
    });
  });
  it("reads whole numbers too long for a DOUBLE exactly (HUGEINT), and leaves numbers with decimals or exponents as DOUBLE", async () => {
    const { rows, columns, result } = await read("id,iccid,mass\n1,89441000301234567890,6.02e23\n2,8944100030123456789,1.5\n");
    expect(columns).toEqual(["id:BIGINT", "iccid:HUGEINT", "mass:DOUBLE"]);
    expect(rows.map((r) => String(r.iccid))).toEqual(["89441000301234567890", "8944100030123456789"]);
    expect(result.options.types).toEqual({ iccid: "HUGEINT" });
    expect(result.lines.balanced).toBe(true);
  });

  it("reports the date format DuckDB's sniffer chose: ISO told from the first lines, others asked of the sniffer", async () => {
    const files = {
      iso: "id,on,note\n1,2024-03-05,a\n2,2024-12-31,b\n",
      dmy: "id,on\n1,05/03/2024\n2,31/12/2024\n",
      mdy: "id,on\n1,03/05/2024\n2,12/31/2024\n",
      mixed: "id,start,end\n1,2024-03-05,05/03/2024\n2,2024-03-06,31/12/2024\n",
    };
    for (const [name, text] of Object.entries(files)) {
      const { result } = await read(text);
      await engine.register(`${name}.sniff.csv`, new Blob([text]));
      const [sniffed] = await engine.rows(`SELECT DateFormat FROM sniff_csv('${name}.sniff.csv')`);
      expect(result.dateFormat, name).toBe(sniffed!.DateFormat);
    }
    expect((await read(files.iso)).result.dateFormat).toBe("%Y-%m-%d");
  });

  it("mends the quotes a lenient read took in without a word: one never closed, and quotes inside a quoted value", async () => {
    // DuckDB's sniffer cannot read these strictly; leniently, the open quote took every later line into one value.
    const open = await read('id,text\n1,a\n2,"unterminated\n3,ok\n4,fine\n');
    expect(open.rows).toEqual([{ id: 1, text: "a" }, { id: 2, text: "unterminated" }, { id: 3, text: "ok" }, { id: 4, text: "fine" }]);
    expect(open.result.notes).toEqual([{ line: 3, status: "repaired", reason: "a stray quote dropped", text: '2,"unterminated' }]);
    expect(open.result.lenient).toBe(false);
    expect(open.result.lines).toMatchObject({ total: 5, rows: 4, repaired: 1, balanced: true });

    const inner = await read('id,text\n1,a\n2,"bad "quote" inside"\n3,ok\n');
    expect(inner.rows).toEqual([{ id: 1, text: "a" }, { id: 2, text: 'bad "quote" inside' }, { id: 3, text: "ok" }]);
    expect(inner.result.notes).toEqual([expect.objectContaining({ line: 3, status: "repaired", reason: "quotes inside a quoted value read as text" })]);

    // A quote that cannot be mended sets its line aside; the lines after it stay rows.
    const aside = await read('id,text\n1,a\n2,"b,4\n3,c\n4,d\n');
    expect(aside.rows.map((r) => r.id)).toEqual([1, 3, 4]);
    expect(aside.result.notes).toEqual([expect.objectContaining({ line: 3, status: "set aside" })]);
    expect(aside.result.lines).toMatchObject({ setAside: 1, rows: 3, balanced: true });

    await expect(read('id,text\n1,a\n2,"unterminated\n3,ok\n', { badLines: "stop" })).rejects.toThrow(/Line 3 does not fit the table \(a quote that never closes\)/);
  });

  it("reads a value of spaces alone where numbers or dates are as empty, in the first lines and far down", async () => {
    const near = await read("id,day,note\n1,2024-01-02,a\n , ,b\n3,2024-01-04, \n");
    expect(near.columns).toEqual(["id:BIGINT", "day:DATE", "note:VARCHAR"]);
    expect(near.rows.map((r) => r.id)).toEqual([1, null, 3]);
    expect(near.result.options.nullValues).toEqual([" "]);
    expect(near.result.typeFindings).toEqual([]);

    const rows = Array.from({ length: 30_000 }, (_, i) => `${i},${i * 1.5}`);
    rows[25_000] = "25000,   ";
    const far = await read(`id,amount\n${rows.join("\n")}\n`);
    expect(far.columns).toEqual(["id:BIGINT", "amount:DOUBLE"]);
    expect(far.rows[25_000]).toEqual({ id: 25_000, amount: null });
    expect(far.result.options.nullValues).toEqual(["   "]);
    expect(far.result.typeFindings).toEqual([]);
    expect(far.result.lines).toMatchObject({ rows: 30_000, setAside: 0, balanced: true });

    // In a column of words, a blank value is text like the rest.
    const words = await read("id,name\n1,a\n2, \n");
    expect(words.rows).toEqual([{ id: 1, name: "a" }, { id: 2, name: " " }]);
    expect(words.result.options.nullValues).toBeUndefined();
  });

  it("counts a line mended into a row of no value as blank, not as repaired", async () => {
    const { rows, result } = await read("id,name,amount\n1,a,1.5\n , \n3,c,3.5\n");
    expect(rows.map((r) => r.id)).toEqual([1, 3]);
    expect(result.notes).toEqual([]);
    expect(result.lines).toMatchObject({ total: 4, blank: 1, repaired: 0, rows: 2, rowLines: 2, balanced: true });
  });

  it("reads columns of numbers and dates with missing-value markers (NA, NULL) as typed, near the top and far down; a text column keeps its NA", async () => {
    const near = await read("id,score,day,country\n1,2.5,2024-01-02,NA\n2,NA,NA,FR\n3,10,2024-01-04,DE\n");
    expect(near.columns).toEqual(["id:BIGINT", "score:DOUBLE", "day:DATE", "country:VARCHAR"]);
    expect(near.rows.map((r) => [r.score, r.country])).toEqual([[2.5, "NA"], [null, "FR"], [10, "DE"]]);
    // Numbers go the way of numbers written for people (lib/csv/number-format.ts), which lets markers through too.
    expect(near.result.options.missing).toEqual({ day: { type: "DATE" } });
    expect(near.result.options.numbers).toEqual({ score: { format: "point", type: "DOUBLE", markers: true } });
    const comma = await read("item;price\napple;1.234,5\npear;#N/A\nplum;7,25\n");
    expect(comma.rows.map((r) => r.price)).toEqual([1234.5, null, 7.25]);
    expect(comma.result.options.numbers).toEqual({ price: { format: "comma", type: "DOUBLE", markers: true } });

    const rows = Array.from({ length: 30_000 }, (_, i) => `${i},${i * 2}`);
    rows[25_000] = "25000,NULL";
    const far = await read(`id,amount\n${rows.join("\n")}\n`);
    expect(far.columns).toEqual(["id:BIGINT", "amount:BIGINT"]);
    expect(far.rows[25_000]).toEqual({ id: 25_000, amount: null });
    expect(far.result.typeFindings).toEqual([]);
    expect(far.result.lines).toMatchObject({ rows: 30_000, balanced: true });
  });

  it("leaves a summary row at the end (Total) below the table: its label does not make the first column text", async () => {
    const { columns, rows, result } = await read("id,day,amount\n1,2024-01-02,2.5\n2,2024-01-03,3.5\nTotal,,6\n");
    expect(columns).toEqual(["id:BIGINT", "day:DATE", "amount:DOUBLE"]);
    expect(rows.map((r) => r.id)).toEqual([1, 2]);
    expect(result.summaryRows).toEqual(["Total,,6"]);
    expect(result.lines).toMatchObject({ total: 4, notes: 1, rows: 2, balanced: true });
    expect((await read("id,amount\n1,2.5\n2,3.5\n")).result.summaryRows).toEqual([]);
  });

  it("refuses a file of blank lines alone, or of a byte-order mark alone, with a reason", async () => {
    await expect(read("\n\n\r\n  \n")).rejects.toThrow("The file holds only blank lines: there is nothing to stage.");
    await expect(read("\uFEFF")).rejects.toThrow("The file holds no text (only a byte-order mark): there is nothing to stage.");
  });
});
