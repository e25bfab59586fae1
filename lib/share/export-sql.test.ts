import { existsSync } from "node:fs";
import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { freshDuckDb } from "@/test/duckdb-node";
import { MIXED_FORMATS } from "@/lib/csv/written-dates";
import type { Recipe } from "@/lib/recipe/schema";
import { parseOptionsSchema } from "@/lib/staging/parse-options";
import { exportSql } from "./export-sql";

describe("exportSql", () => {
  it("reads a file as the browser read it: a JSON file's rows under its key, a column named rowid renamed", async () => {
    const dir = await mkdtemp(join(tmpdir(), "stages-export-"));
    const input = join(dir, "api.json");
    await writeFile(input, JSON.stringify({ data: [{ rowid: 30, name: "Ada" }, { rowid: 10, name: null }], meta: { count: 2 } }));
    const recipe: Recipe = { version: 1, rules: [{ id: "n", kind: "required", column: "name", severity: "reject", enabled: true }], steps: [], sql: null };
    const source = {
      path: input,
      parse: parseOptionsSchema.parse({ format: "json" }),
      columns: [
        { name: "rowid_1", type: "BIGINT" },
        { name: "name", type: "VARCHAR" },
      ],
      rowidRenames: { rowid: "rowid_1" },
      jsonRowsAt: { path: ["data"], left: ["meta"] },
    };
    const exported = exportSql(recipe, source, join(dir, "api"));
    if (!exported.ok) throw new Error(exported.reason);
    const db = await freshDuckDb();
    await db.run(exported.script);
    expect(await db.rows(`SELECT * FROM read_parquet('${join(dir, "api-final.parquet")}')`)).toEqual([{ rowid_1: 30, name: "Ada" }]);
    expect((await db.rows(`SELECT _line, rowid_1 FROM read_csv('${join(dir, "api-rejected.csv")}')`)).map((r) => [r._line, r.rowid_1])).toEqual([[3, 10]]);
  });

  it("writes a script that native DuckDB runs: rejects as CSV, final rows as Parquet", async () => {
    const dir = await mkdtemp(join(tmpdir(), "stages-export-"));
    const input = join(dir, "orders.csv");
    await writeFile(input, "id,email,amount\n1,a@x.org,10\n2,,5\n3,c@x.org,-1\n4,d@x.org,7\n");
    const recipe: Recipe = {
      version: 1,
      rules: [{ id: "email", kind: "required", column: "email", severity: "reject", enabled: true }],
      steps: [{ kind: "filter", where: "amount > 0", enabled: true }],
      sql: null,
    };
    const columns = [
      { name: "id", type: "BIGINT" },
      { name: "email", type: "VARCHAR" },
      { name: "amount", type: "BIGINT" },
    ];
    const exported = exportSql(recipe, { path: input, parse: parseOptionsSchema.parse({ format: "csv" }), columns }, join(dir, "orders"));
    if (!exported.ok) throw new Error(exported.reason);
    const db = await freshDuckDb();
    await db.run(exported.script);
    expect(await db.rows(`SELECT * FROM read_parquet('${join(dir, "orders-final.parquet")}') ORDER BY id`)).toEqual([
      { id: 1, email: "a@x.org", amount: 10 },
      { id: 4, email: "d@x.org", amount: 7 },
    ]);
    expect((await db.rows(`SELECT _line, id FROM read_csv('${join(dir, "orders-rejected.csv")}') ORDER BY _line`)).map((r) => [r._line, r.id])).toEqual([
      [3, 2],
      [4, 3],
    ]);
  });

  it("fills down in the script as the browser does: from the row above in the file, also a rejected one", async () => {
    const dir = await mkdtemp(join(tmpdir(), "stages-export-"));
    const input = join(dir, "report.csv");
    await writeFile(input, "region,amount\nNorth,10\n,5\nSouth,-1\n,7\n");
    const recipe: Recipe = {
      version: 1,
      rules: [{ id: "amount", kind: "range", column: "amount", min: "0", severity: "reject", enabled: true }],
      steps: [{ kind: "fillDown", column: "region", enabled: true }],
      sql: null,
    };
    const columns = [
      { name: "region", type: "VARCHAR" },
      { name: "amount", type: "BIGINT" },
    ];
    const exported = exportSql(recipe, { path: input, parse: parseOptionsSchema.parse({ format: "csv" }), columns }, join(dir, "report"));
    if (!exported.ok) throw new Error(exported.reason);
    const db = await freshDuckDb();
    await db.run(exported.script);
    expect(await db.rows(`SELECT * FROM read_parquet('${join(dir, "report-final.parquet")}')`)).toEqual([
      { region: "North", amount: 10 },
      { region: "North", amount: 5 },
      { region: "South", amount: 7 },
    ]);
  });

  it("leaves out the columns with no name and no value the browser left out", async () => {
    const dir = await mkdtemp(join(tmpdir(), "stages-export-"));
    const input = join(dir, "sheet.csv");
    await writeFile(input, "name,amount,,,\nTea,1.5,,,\n");
    const parse = parseOptionsSchema.parse({ format: "csv", trailingDelimiter: true, emptyColumns: ["column2", "column3", "column4"] });
    const exported = exportSql({ version: 1, rules: [], steps: [], sql: null }, { path: input, parse, columns: [{ name: "name", type: "VARCHAR" }, { name: "amount", type: "DOUBLE" }] }, join(dir, "sheet"));
    if (!exported.ok) throw new Error(exported.reason);
    const db = await freshDuckDb();
    await db.run(exported.script);
    expect(await db.rows(`SELECT * FROM read_parquet('${join(dir, "sheet-final.parquet")}')`)).toEqual([{ name: "Tea", amount: 1.5 }]);
  });

  it("reads a column name with a line break as the browser does, without it", async () => {
    const dir = await mkdtemp(join(tmpdir(), "stages-export-"));
    const input = join(dir, "wrapped.csv");
    await writeFile(input, '"Total\nRevenue",Region\n10,North\n');
    const source = { path: input, parse: parseOptionsSchema.parse({ format: "csv" }), columns: [{ name: "Total Revenue", type: "BIGINT" }, { name: "Region", type: "VARCHAR" }], lineBreakRenames: { "Total\nRevenue": "Total Revenue" } };
    const recipe: Recipe = { version: 1, rules: [{ id: "r", kind: "range", column: "Total Revenue", min: "0", severity: "reject", enabled: true }], steps: [], sql: null };
    const exported = exportSql(recipe, source, join(dir, "wrapped"));
    if (!exported.ok) throw new Error(exported.reason);
    const db = await freshDuckDb();
    await db.run(exported.script);
    expect(await db.rows(`SELECT * FROM read_parquet('${join(dir, "wrapped-final.parquet")}')`)).toEqual([{ "Total Revenue": 10, Region: "North" }]);
  });

  it("reads the other staged files the recipe reads, under their SQL names: a reference rule's and the SQL's", async () => {
    const dir = await mkdtemp(join(tmpdir(), "stages-export-others-"));
    await writeFile(join(dir, "orders.csv"), "id,customer\n1,10\n2,12\n3,11\n");
    await writeFile(join(dir, "Customer List.csv"), "cid,name\n10,Ada\n11,Bo\n");
    const recipe: Recipe = {
      version: 1,
      rules: [{ id: "known", kind: "reference", column: "customer", file: "customer_list", field: "cid", severity: "reject", enabled: true }],
      steps: [],
      sql: "SELECT t.id, c.name FROM transformed t JOIN customer_list c ON c.cid = t.customer ORDER BY t.id",
    };
    const csv = parseOptionsSchema.parse({ format: "csv" });
    const columns = [
      { name: "id", type: "BIGINT" },
      { name: "customer", type: "BIGINT" },
    ];
    const other = { sqlName: "customer_list", path: join(dir, "Customer List.csv"), parse: csv, columns: [{ name: "cid", type: "BIGINT" }, { name: "name", type: "VARCHAR" }] };
    expect(exportSql(recipe, { path: join(dir, "orders.csv"), parse: csv, columns }, join(dir, "orders"))).toMatchObject({ ok: false, reason: expect.stringMatching(/customer_list/) });
    const exported = exportSql(recipe, { path: join(dir, "orders.csv"), parse: csv, columns }, join(dir, "orders"), [other]);
    if (!exported.ok) throw new Error(exported.reason);
    const db = await freshDuckDb();
    await db.run(exported.script);
    expect(await db.rows(`SELECT * FROM read_parquet('${join(dir, "orders-final.parquet")}')`)).toEqual([
      { id: 1, name: "Ada" },
      { id: 3, name: "Bo" },
    ]);
    expect(await db.rows(`SELECT _line, id FROM read_csv('${join(dir, "orders-rejected.csv")}')`)).toEqual([{ _line: 3, id: 2 }]);
  });

  it("a hostile recipe's script runs only the pipeline: names cannot end a comment or a statement", async () => {
    const dir = await mkdtemp(join(tmpdir(), "stages-export-hostile-"));
    const input = join(dir, "in.csv");
    await writeFile(input, "id,email\n1,a@x.org\n2,\n");
    const pwned = (n: number) => join(dir, `pwned${n}.csv`);
    const injections = [
      `x\rCOPY (SELECT 1) TO '${pwned(1)}';`,
      `x\u2028COPY (SELECT 1) TO '${pwned(2)}';`,
      `x\u2029COPY (SELECT 1) TO '${pwned(3)}';`,
      `x\u0085COPY (SELECT 1) TO '${pwned(4)}';`,
      `x */ COPY (SELECT 1) TO '${pwned(5)}'; /*`,
      `x" ; COPY (SELECT 1) TO '${pwned(6)}'; --`,
    ];
    const db = await freshDuckDb();
    for (const [i, name] of injections.entries()) {
      const recipe: Recipe = {
        version: 1,
        name,
        rules: [{ id: "e", kind: "required", column: "email", severity: "reject", enabled: true }],
        steps: [{ kind: "filter", where: "id > 0 -- a trailing comment", enabled: true }],
        sql: "SELECT * FROM transformed -- ends on its own line",
      };
      const columns = [
        { name: "id", type: "BIGINT" },
        { name: "email", type: "VARCHAR" },
      ];
      const stem = join(dir, `out${i} it's "x" --`);
      const exported = exportSql(recipe, { path: input, parse: parseOptionsSchema.parse({ format: "csv" }), columns }, stem);
      if (!exported.ok) throw new Error(exported.reason);
      await db.run(exported.script);
      expect(existsSync(pwned(i + 1)), name).toBe(false);
      expect(await db.rows(`SELECT count(*) AS n FROM read_parquet('${`${stem}-final.parquet`.replaceAll("'", "''")}')`)).toEqual([{ n: 1 }]);
    }
  });

  it("reads numbers written for people as the browser did: a decimal comma, dotted thousands, money, percentages; text formulas", async () => {
    const dir = await mkdtemp(join(tmpdir(), "stages-export-"));
    const input = join(dir, "rechnung.csv");
    await writeFile(input, "Artikel;Menge;Betrag;IP;Anteil;PLZ\nÄpfel;3;1.234,56 €;192.168.1.1;12,5 %;=\"01067\"\nBirnen;1.200;(7,50 €);10.0.0.1;7 %;=\"80331\"\n");
    const parse = parseOptionsSchema.parse({
      format: "csv", delimiter: ";", header: true, numberFormat: "comma", formulaText: ["PLZ"],
      numbers: { Menge: { format: "comma", type: "BIGINT" }, Betrag: { format: "comma", type: "DOUBLE", currency: "€" }, Anteil: { format: "comma", type: "DOUBLE", percent: true } },
    });
    const columns = [
      { name: "Artikel", type: "VARCHAR" },
      { name: "Menge", type: "BIGINT" },
      { name: "Betrag", type: "DOUBLE" },
      { name: "IP", type: "VARCHAR" },
      { name: "Anteil", type: "DOUBLE" },
      { name: "PLZ", type: "VARCHAR" },
    ];
    const exported = exportSql({ version: 1, rules: [], steps: [], sql: null }, { path: input, parse, columns }, join(dir, "rechnung"));
    if (!exported.ok) throw new Error(exported.reason);
    const db = await freshDuckDb();
    await db.run(exported.script);
    expect(await db.rows(`SELECT Menge, Betrag, IP, Anteil, PLZ, typeof(Menge) AS m, typeof(Betrag) AS b FROM read_parquet('${join(dir, "rechnung-final.parquet")}') ORDER BY Menge`)).toEqual([
      { Menge: 3, Betrag: 1234.56, IP: "192.168.1.1", Anteil: 0.125, PLZ: "01067", m: "BIGINT", b: "DOUBLE" },
      { Menge: 1200, Betrag: -7.5, IP: "10.0.0.1", Anteil: 0.07, PLZ: "80331", m: "BIGINT", b: "DOUBLE" },
    ]);
  });

  it("reads timestamps written for people as the browser did", async () => {
    const dir = await mkdtemp(join(tmpdir(), "stages-export-"));
    const input = join(dir, "times.csv");
    await writeFile(input, "id,seen,start_date\n1,31.12.2024 23:59,20240131\n2,NA,\n");
    const parse = parseOptionsSchema.parse({ format: "csv", header: true, writtenDates: { seen: "%d.%m.%Y %H:%M", start_date: "%Y%m%d" } });
    const columns = [
      { name: "id", type: "BIGINT" },
      { name: "seen", type: "TIMESTAMP" },
      { name: "start_date", type: "DATE" },
    ];
    const exported = exportSql({ version: 1, rules: [], steps: [], sql: null }, { path: input, parse, columns }, join(dir, "times"));
    if (!exported.ok) throw new Error(exported.reason);
    const db = await freshDuckDb();
    await db.run(exported.script);
    expect(await db.rows(`SELECT seen::VARCHAR AS seen, typeof(seen) AS t, start_date::VARCHAR AS d, typeof(start_date) AS dt FROM read_parquet('${join(dir, "times-final.parquet")}') ORDER BY id`)).toEqual([
      { seen: "2024-12-31 23:59:00", t: "TIMESTAMP", d: "2024-01-31", dt: "DATE" },
      { seen: null, t: "TIMESTAMP", d: null, dt: "DATE" },
    ]);
  });

  it("reads a column of dates with and without a time as the browser did, times further down than DuckDB's sample kept", async () => {
    const dir = await mkdtemp(join(tmpdir(), "stages-export-"));
    const input = join(dir, "visits.csv");
    await writeFile(input, ["id,seen", ...Array.from({ length: 30_100 }, (_, i) => `${i + 1},${i < 30_000 ? "2025-01-17" : "2025-02-18 01:01:00"}`)].join("\n") + "\n");
    const parse = parseOptionsSchema.parse({ format: "csv", header: true, writtenDates: { seen: MIXED_FORMATS.find((list) => list.startsWith("%Y-%m-%d|")) } });
    const columns = [
      { name: "id", type: "BIGINT" },
      { name: "seen", type: "TIMESTAMP" },
    ];
    const exported = exportSql({ version: 1, rules: [], steps: [], sql: null }, { path: input, parse, columns }, join(dir, "visits"));
    if (!exported.ok) throw new Error(exported.reason);
    const db = await freshDuckDb();
    await db.run(exported.script);
    expect(await db.rows(`SELECT seen::VARCHAR AS seen, typeof(seen) AS t, count(*)::INTEGER AS n FROM read_parquet('${join(dir, "visits-final.parquet")}') GROUP BY ALL ORDER BY 1`)).toEqual([
      { seen: "2025-01-17 00:00:00", t: "TIMESTAMP", n: 30_000 },
      { seen: "2025-02-18 01:01:00", t: "TIMESTAMP", n: 100 },
    ]);
  });

  it("reads a column of whole numbers whose fractions come further down than DuckDB's sample as the browser did, as DOUBLE", async () => {
    const dir = await mkdtemp(join(tmpdir(), "stages-export-"));
    const input = join(dir, "stock.csv");
    await writeFile(input, ["id,qty", ...Array.from({ length: 30_100 }, (_, i) => `${i + 1},${i < 30_000 ? "12" : "12.5"}`)].join("\n") + "\n");
    const columns = [
      { name: "id", type: "BIGINT" },
      { name: "qty", type: "DOUBLE" },
    ];
    const exported = exportSql({ version: 1, rules: [], steps: [], sql: null }, { path: input, parse: parseOptionsSchema.parse({ format: "csv", header: true }), columns }, join(dir, "stock"));
    if (!exported.ok) throw new Error(exported.reason);
    const db = await freshDuckDb();
    await db.run(exported.script);
    expect(await db.rows(`SELECT qty, typeof(qty) AS t, count(*)::INTEGER AS n FROM read_parquet('${join(dir, "stock-final.parquet")}') GROUP BY ALL ORDER BY 1`)).toEqual([
      { qty: 12, t: "DOUBLE", n: 30_000 },
      { qty: 12.5, t: "DOUBLE", n: 100 },
    ]);
  });

  it("reads columns with missing-value markers as the browser did: typed, the markers empty, a text column's NA kept", async () => {
    const dir = await mkdtemp(join(tmpdir(), "stages-export-"));
    const input = join(dir, "scores.csv");
    await writeFile(input, "id,score,day,country\n1,2.5,2024-01-02,NA\n2,NA,NA,FR\n");
    const parse = parseOptionsSchema.parse({ format: "csv", header: true, missing: { score: { type: "DOUBLE" }, day: { type: "DATE" } } });
    const columns = [
      { name: "id", type: "BIGINT" },
      { name: "score", type: "DOUBLE" },
      { name: "day", type: "DATE" },
      { name: "country", type: "VARCHAR" },
    ];
    const exported = exportSql({ version: 1, rules: [], steps: [], sql: null }, { path: input, parse, columns }, join(dir, "scores"));
    if (!exported.ok) throw new Error(exported.reason);
    const db = await freshDuckDb();
    await db.run(exported.script);
    expect(await db.rows(`SELECT score, day::VARCHAR AS day, country, typeof(score) AS s, typeof(day) AS d FROM read_parquet('${join(dir, "scores-final.parquet")}') ORDER BY id`)).toEqual([
      { score: 2.5, day: "2024-01-02", country: "NA", s: "DOUBLE", d: "DATE" },
      { score: null, day: null, country: "FR", s: "DOUBLE", d: "DATE" },
    ]);
  });

  it("numbers rejected rows by their lines in the file below title lines, as the browser does", async () => {
    const dir = await mkdtemp(join(tmpdir(), "stages-export-"));
    const input = join(dir, "titled.csv");
    await writeFile(input, "Orders\nMade 2024-10-01\nid,email\n1,a@x.org\n2,\n");
    const recipe: Recipe = { version: 1, rules: [{ id: "email", kind: "required", column: "email", severity: "reject", enabled: true }], steps: [], sql: null };
    const columns = [
      { name: "id", type: "BIGINT" },
      { name: "email", type: "VARCHAR" },
    ];
    const source = { path: input, parse: parseOptionsSchema.parse({ format: "csv", skip: 2 }), columns, rowLines: { before: 3 } };
    const exported = exportSql(recipe, source, join(dir, "titled"));
    if (!exported.ok) throw new Error(exported.reason);
    const db = await freshDuckDb();
    await db.run(exported.script);
    expect(await db.rows(`SELECT _line, id FROM read_csv('${join(dir, "titled-rejected.csv")}')`)).toEqual([{ _line: 5, id: 2 }]);
    const apart = exportSql(recipe, { ...source, rowLines: { before: 3, table: true } }, "titled");
    expect(apart.ok && apart.script).toMatch(/-- Read differently from the browser: a rejected row's line is counted as if no blank line/);
  });

  it("reads a header of two lines as the browser did: both skipped, the columns named by group and name", async () => {
    const dir = await mkdtemp(join(tmpdir(), "stages-export-"));
    const input = join(dir, "pivot.csv");
    await writeFile(input, "Quarterly sales\n\nRegion,2024,,2023,\n,Units,Revenue,Units,Revenue\nNorth,10,1200.5,9,1100\nSouth,11,1300.25,8,990\n");
    const names = ["Region", "2024 Units", "2024 Revenue", "2023 Units", "2023 Revenue"];
    const columns = names.map((name, i) => ({ name, type: i === 0 ? "VARCHAR" : i === 2 ? "DOUBLE" : "BIGINT" }));
    const recipe: Recipe = { version: 1, rules: [{ id: "units", kind: "range", column: "2024 Units", min: "11", severity: "reject", enabled: true }], steps: [], sql: null };
    const parse = parseOptionsSchema.parse({ format: "csv", delimiter: ",", skip: 2, header: true, headerLines: 2 });
    const exported = exportSql(recipe, { path: input, parse, columns, rowLines: { before: 4 } }, join(dir, "pivot"));
    if (!exported.ok) throw new Error(exported.reason);
    const db = await freshDuckDb();
    await db.run(exported.script);
    expect(await db.rows(`SELECT * FROM read_parquet('${join(dir, "pivot-final.parquet")}')`)).toEqual([{ Region: "South", "2024 Units": 11, "2024 Revenue": 1300.25, "2023 Units": 8, "2023 Revenue": 990 }]);
    expect(await db.rows(`SELECT _line FROM read_csv('${join(dir, "pivot-rejected.csv")}')`)).toEqual([{ _line: 5 }]);
  });

  it("says at the top of the script what the browser read differently from read_csv", () => {
    const recipe: Recipe = { version: 1, rules: [], steps: [], sql: null };
    const parse = parseOptionsSchema.parse({ format: "csv", notes: 3, headerLines: 2, trimSpaces: true, edits: [{ line: 4, text: "1,a" }], subtotals: 2 });
    const exported = exportSql(recipe, { path: "q.csv", parse, columns: [{ name: "a", type: "VARCHAR" }] }, "q");
    if (!exported.ok) throw new Error(exported.reason);
    const said = exported.script.split("\n").filter((l) => l.startsWith("-- Read differently"));
    expect(said.join("\n")).toMatch(/3 line\(s\) below the table/);
    expect(said.join("\n")).toMatch(/the 2 subtotal row\(s\) among the rows, set aside in the browser, are read as rows/);
    expect(said.join("\n")).not.toMatch(/two lines/);
    expect(said.join("\n")).toMatch(/not trimmed/);
    expect(said.join("\n")).toMatch(/1 line\(s\) edited/);
    const plain = exportSql(recipe, { path: "q.csv", parse: parseOptionsSchema.parse({ format: "csv" }), columns: [{ name: "a", type: "VARCHAR" }] }, "q");
    expect(plain.ok && plain.script.split("\n").filter((l) => l.startsWith("-- Read differently"))).toHaveLength(1);
    const json = exportSql(recipe, { path: "p.json", parse: parseOptionsSchema.parse({ format: "json" }), columns: [{ name: "a", type: "DOUBLE" }], jsonRepairs: { nonFinite: 2, trailingCommas: 1 } }, "p");
    expect(json.ok && json.script.split("\n").filter((l) => l.startsWith("-- Read differently"))).toEqual([
      "-- Read differently from the browser: DuckDB's JSON reader stops at the 1 comma(s) before a closing bracket, which the browser left out: take them out of the file.",
    ]);
    const mongo = exportSql(recipe, { path: "m.json", parse: parseOptionsSchema.parse({ format: "ndjson" }), columns: [{ name: "_id", type: "VARCHAR" }], jsonRepairs: { nonFinite: 0, trailingCommas: 0, extended: 4 } }, "m");
    expect(mongo.ok && mongo.script.split("\n").filter((l) => l.startsWith("-- Read differently"))).toEqual([
      `-- Read differently from the browser: DuckDB's JSON reader keeps MongoDB's extended JSON ({"$oid": …}, {"$date": …}) as structs of one field, which the browser read as plain values.`,
    ]);
    const faulty = exportSql(recipe, { path: "f.ndjson", parse: parseOptionsSchema.parse({ format: "ndjson" }), columns: [{ name: "a", type: "BIGINT" }], setAside: 2 }, "f");
    expect(faulty.ok && faulty.script.split("\n").filter((l) => l.startsWith("-- Read differently"))).toEqual([
      "-- Read differently from the browser: DuckDB's JSON reader stops at the 2 line(s) or record(s) the browser set aside (not valid JSON, or not an object; listed in the set-aside lines' download): fix or remove them in the file.",
    ]);
    const sheet = exportSql(recipe, { path: "sales-Feb.csv", parse: parseOptionsSchema.parse({ format: "csv" }), columns: [{ name: "a", type: "BIGINT" }], derivedFrom: { name: "sales.xlsx", sha256: "ab".repeat(32), part: "sheet “Feb”" } }, "s");
    expect(sheet.ok && sheet.script.split("\n").filter((l) => l.includes("made in the browser"))).toEqual([
      `-- sales-Feb.csv was made in the browser from sheet “Feb” of sales.xlsx (sha256 ${"ab".repeat(32)}): save that part as CSV under this name next to the script before running it.`,
    ]);
    const fetched = exportSql(recipe, { path: "rows.csv", parse: parseOptionsSchema.parse({ format: "csv" }), columns: [{ name: "a", type: "BIGINT" }], url: "https://data.example.org/rows?x=1" }, "r");
    expect(fetched.ok && fetched.script.split("\n").filter((l) => l.includes("fetched from"))).toEqual(["-- rows.csv was fetched from https://data.example.org/rows?x=1."]);
    const cased = exportSql(recipe, { path: "c.json", parse: parseOptionsSchema.parse({ format: "json" }), columns: [{ name: "Name", type: "VARCHAR" }], jsonRepairs: { nonFinite: 0, trailingCommas: 0, caseKeys: [["Name", "name"]] } }, "c");
    expect(cased.ok && cased.script.split("\n").filter((l) => l.startsWith("-- Read differently"))).toEqual([
      "-- Read differently from the browser: DuckDB's JSON reader reads keys that differ only in case as columns of their own (the second with _1 after its name), which the browser read as one: Name and name.",
    ]);
  });

  it("reads a GeoJSON file's features as the browser did: the id, the properties, the geometry as GeoJSON text", async () => {
    const dir = await mkdtemp(join(tmpdir(), "stages-export-"));
    const input = join(dir, "parks.geojson");
    const features = [
      { type: "Feature", id: 7, properties: { name: "A", pop: 100 }, geometry: { type: "Point", coordinates: [1.5, 2.5] } },
      { type: "Feature", properties: { name: "B", pop: null }, geometry: { type: "Polygon", coordinates: [[[0, 0], [1, 0], [1, 1], [0, 0]]] } },
    ];
    await writeFile(input, JSON.stringify({ type: "FeatureCollection", features }));
    const recipe: Recipe = { version: 1, rules: [], steps: [], sql: null };
    const columns = [
      { name: "id", type: "BIGINT" },
      { name: "name", type: "VARCHAR" },
      { name: "pop", type: "BIGINT" },
      { name: "geometry", type: "VARCHAR" },
    ];
    const source = { path: input, parse: parseOptionsSchema.parse({ format: "json" }), columns, jsonRowsAt: { path: ["features"], left: ["type"], features: { id: true } } };
    const exported = exportSql(recipe, source, join(dir, "parks"));
    if (!exported.ok) throw new Error(exported.reason);
    const db = await freshDuckDb();
    await db.run(exported.script);
    expect(await db.rows(`SELECT * FROM read_parquet('${join(dir, "parks-final.parquet")}')`)).toEqual([
      { id: 7, name: "A", pop: 100, geometry: JSON.stringify(features[0]!.geometry) },
      { id: null, name: "B", pop: null, geometry: JSON.stringify(features[1]!.geometry) },
    ]);
  });

  it("says at the top that DuckDB's JSON reader cannot read the JavaScript the browser left out around the JSON", () => {
    const source = { path: "chart.js", parse: parseOptionsSchema.parse({ format: "json" }), columns: [{ name: "n", type: "BIGINT" }], jsonRepairs: { nonFinite: 0, trailingCommas: 0, script: "assignment" as const } };
    const exported = exportSql({ version: 1, rules: [], steps: [], sql: null }, source, "chart");
    if (!exported.ok) throw new Error(exported.reason);
    expect(exported.script).toContain("-- Read differently from the browser: DuckDB's JSON reader cannot read the JavaScript around the JSON");
    const plain = exportSql({ version: 1, rules: [], steps: [], sql: null }, { ...source, jsonRepairs: undefined }, "chart");
    expect(plain.ok && plain.script).not.toContain("Read differently");
  });

  it("reads a GraphQL response's rows as the browser did: the nodes of a connection's edges, four keys down", async () => {
    const dir = await mkdtemp(join(tmpdir(), "stages-export-"));
    const input = join(dir, "repos.json");
    const edges = [{ cursor: "a", node: { name: "x", stars: 3 } }, { cursor: "b", node: { name: "y", stars: 5 } }];
    await writeFile(input, JSON.stringify({ data: { viewer: { repositories: { edges, pageInfo: { hasNextPage: false } } } } }));
    const recipe: Recipe = { version: 1, rules: [], steps: [], sql: null };
    const columns = [
      { name: "name", type: "VARCHAR" },
      { name: "stars", type: "BIGINT" },
    ];
    const source = { path: input, parse: parseOptionsSchema.parse({ format: "json" }), columns, jsonRowsAt: { path: ["data", "viewer", "repositories", "edges"], left: [], edges: true } };
    const exported = exportSql(recipe, source, join(dir, "repos"));
    if (!exported.ok) throw new Error(exported.reason);
    const db = await freshDuckDb();
    await db.run(exported.script);
    expect(await db.rows(`SELECT * FROM read_parquet('${join(dir, "repos-final.parquet")}') ORDER BY name`)).toEqual([
      { name: "x", stars: 3 },
      { name: "y", stars: 5 },
    ]);
  });

  it("spreads objects inside JSON records into a column per field, in the browser's order, as the browser did", async () => {
    const dir = await mkdtemp(join(tmpdir(), "stages-export-"));
    const input = join(dir, "customers.ndjson");
    const records = [
      { id: 1, address: { city: "Paris", geo: { lat: 48.5, lng: 2.5 } }, note: "x" },
      { id: 2, address: { city: "Oslo", zip: "0150" }, note: null },
    ];
    await writeFile(input, records.map((r) => JSON.stringify(r)).join("\n") + "\n");
    const recipe: Recipe = { version: 1, rules: [{ id: "c", kind: "required", column: "address.city", severity: "reject", enabled: true }], steps: [], sql: null };
    const names = ["id", "address.city", "address.geo.lat", "address.geo.lng", "address.zip", "note"];
    const columns = names.map((name) => ({ name, type: name === "id" ? "BIGINT" : name.startsWith("address.geo") ? "DOUBLE" : "VARCHAR" }));
    const jsonSpread = [{ column: "address", fields: ["city", "geo", "zip"] }, { column: "address.geo", fields: ["lat", "lng"] }];
    const exported = exportSql(recipe, { path: input, parse: parseOptionsSchema.parse({ format: "ndjson" }), columns, jsonSpread }, join(dir, "customers"));
    if (!exported.ok) throw new Error(exported.reason);
    const db = await freshDuckDb();
    await db.run(exported.script);
    expect(await db.rows(`SELECT * FROM read_parquet('${join(dir, "customers-final.parquet")}') ORDER BY id`)).toEqual([
      { id: 1, "address.city": "Paris", "address.geo.lat": 48.5, "address.geo.lng": 2.5, "address.zip": null, note: "x" },
      { id: 2, "address.city": "Oslo", "address.geo.lat": null, "address.geo.lng": null, "address.zip": "0150", note: null },
    ]);
  });

  it("says a cut gzip file must be inflated first, as DuckDB's reader refuses it", () => {
    const recipe: Recipe = { version: 1, rules: [], steps: [], sql: null };
    const source = { path: "cut.csv.gz", parse: parseOptionsSchema.parse({ format: "csv", gzip: true }), columns: [{ name: "id", type: "BIGINT" }] };
    const cut = exportSql(recipe, { ...source, gzipCut: { inflatedBytes: 100 } }, "cut");
    expect(cut.ok && cut.script).toContain("-- Read differently from the browser: the gzip data of cut.csv.gz ends before its end");
    const whole = exportSql(recipe, source, "cut");
    expect(whole.ok && whole.script).not.toContain("ends before its end");
  });

  it("explains what it cannot export", () => {
    const recipe: Recipe = { version: 1, rules: [], steps: [], sql: null };
    expect(exportSql(recipe, { path: "b.xlsx", parse: parseOptionsSchema.parse({ format: "xlsx" }), columns: [] }, "b")).toMatchObject({ ok: false });
    const arrays = { path: "v.json", parse: parseOptionsSchema.parse({ format: "json" }), columns: [], jsonRowsAt: { path: [], left: [], arrays: true } };
    expect(exportSql(recipe, arrays, "v")).toEqual({ ok: false, reason: expect.stringMatching(/^Rows written as arrays of values/) });
  });

  it("reads arrays of objects one after another (exports appended to one file) as their objects, in native DuckDB", async () => {
    const dir = await mkdtemp(join(tmpdir(), "stages-export-"));
    const input = join(dir, "pages.json");
    await writeFile(input, '[{"id":1,"name":"Ada"},{"id":2,"name":null}]\n[{"id":3,"name":"Bo"}]\n');
    const recipe: Recipe = { version: 1, rules: [{ id: "n", kind: "required", column: "name", severity: "reject", enabled: true }], steps: [], sql: null };
    const columns = [{ name: "id", type: "BIGINT" }, { name: "name", type: "VARCHAR" }];
    const exported = exportSql(recipe, { path: input, parse: parseOptionsSchema.parse({ format: "json" }), columns, jsonRowsAt: { path: [], left: [], sequence: true, pages: 2 } }, join(dir, "pages"));
    if (!exported.ok) throw new Error(exported.reason);
    const db = await freshDuckDb();
    await db.run(exported.script);
    expect(await db.rows(`SELECT * FROM read_parquet('${join(dir, "pages-final.parquet")}') ORDER BY id`)).toEqual([{ id: 1, name: "Ada" }, { id: 3, name: "Bo" }]);
  });

  it("reads JSON objects one after another with DuckDB's reader as it is, also from a file named NDJSON", () => {
    const recipe: Recipe = { version: 1, rules: [], steps: [], sql: null };
    for (const format of ["json", "ndjson"] as const) {
      const source = { path: "jq.json", parse: parseOptionsSchema.parse({ format }), columns: [], jsonRowsAt: { path: [], left: [], sequence: true } };
      const out = exportSql(recipe, source, "jq");
      expect(out.ok && out.script).toContain("read_json_auto('jq.json')");
      expect(out.ok && out.script).not.toContain("newline_delimited");
    }
  });

  it("says what to do with a table of a SQLite database, which DuckDB would read with the types it declares, not as Stages typed it", () => {
    const recipe: Recipe = { version: 1, rules: [], steps: [], sql: null };
    const out = exportSql(recipe, { path: "shop.sqlite", parse: parseOptionsSchema.parse({ format: "sqlite", sheet: "orders" }), columns: [{ name: "id", type: "BIGINT" }] }, "shop");
    expect(out).toEqual({ ok: false, reason: expect.stringMatching(/^A SQLite database's table .* save the table as CSV \(sqlite3 -csv\) and stage that\.$/) });
  });
});
