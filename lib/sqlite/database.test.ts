import { readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";
import { splitLines } from "@/lib/csv/lines";
import { splitFields } from "@/lib/csv/records";
import { SqliteError } from "./btree";
import { sqliteDatabase, type SqliteDatabase } from "./database";
import { declaredColumns } from "./schema";

// Written by Python's sqlite3 (test/fixtures/sqlite/make-shop.py), 1 KB pages.
const shop = () => new Uint8Array(readFileSync(new URL("../../test/fixtures/sqlite/shop.sqlite", import.meta.url)));

/** A table's CSV text read back as rows of texts, an empty field as null. */
const rowsOf = (db: SqliteDatabase, table: number): (string | null)[][] =>
  splitLines([...db.csv(db.tables[table]!)].join(""))
    .filter((line) => line !== "")
    .map((line) => splitFields(line, { delimiter: ",", quote: '"', escape: '"' }).fields.map((v) => (v === "" ? null : v)));

describe("sqliteDatabase", () => {
  test("its tables in the schema's order, SQLite's own and a full-text index's marked, views, indexes and virtual tables left out", () => {
    const db = sqliteDatabase(shop());
    expect(db.tables.map((t) => [t.name, t.internal, t.withoutRowid])).toEqual([
      ["order lines", false, false],
      ["customers", false, false],
      ["tags", false, true],
      ["seq", false, false],
      ["sqlite_sequence", true, false],
      // A full-text index's shadow tables.
      ["notes_data", true, false],
      ["notes_idx", true, true],
      ["notes_content", true, false],
      ["notes_docsize", true, false],
      ["notes_config", true, true],
    ]);
    expect(db.tables.slice(0, 5).map((t) => db.rowCount(t))).toEqual([3000, 2, 600, 1, 1]);
  });

  test("rows in rowid order across a B-tree of several levels: the rowid's column, integers past 2^53, reals, NULLs, texts on overflow pages, blobs", () => {
    const db = sqliteDatabase(shop());
    const rows = rowsOf(db, 0);
    // The virtual generated column (total) is not stored, so not read.
    expect(rows[0]).toEqual(["id", "order", "qty", "price", "note", "big", "raw"]);
    expect(rows).toHaveLength(3001);
    expect(rows[3]).toEqual(["3", "A-00003", "3", "3.75", null, "-3", "\\x03\\xFF"]);
    expect(rows[4]).toEqual(["4", "A-00004", "4", null, null, "-4", null]);
    expect(rows[5]).toEqual(["5", "A-00005", "5", "6.25", "é日 5", "-5", null]);
    expect(rows[7]![4]).toBe("long ".repeat(400));
    expect(rows[1000]).toEqual(["1000", "A-01000", "1", null, "é日 1000", String(2n ** 62n + 1000n), null]);
    rows.slice(1).forEach((row, i) => expect(row[0]).toBe(String(i + 1)));
  });

  test("a column added later is empty in the rows written before it; a key of text is no rowid", () => {
    const db = sqliteDatabase(shop());
    expect(rowsOf(db, 1)).toEqual([
      ["code", "name", "since", "vip"],
      ["0042", "Ada", "2024-01-05", "1"],
      ["0007", "Bo, Jr.", "2023-12-31", null],
    ]);
    // As CSV text: quoted where a value needs it, NULL as nothing.
    expect([...db.csv(db.tables[1]!)].join("")).toBe('code,name,since,vip\r\n0042,Ada,2024-01-05,1\r\n0007,"Bo, Jr.",2023-12-31,\r\n');
  });

  test("a table WITHOUT ROWID: its rows in its key's order across a B-tree of several levels, its columns as declared", () => {
    const db = sqliteDatabase(shop());
    // As make-shop.py writes them: n, tag (every 150th a long one, on overflow pages), kind; keyed by (kind, tag COLLATE NOCASE).
    const written = Array.from({ length: 600 }, (_, k): [string, string, string] => {
      const n = k + 1;
      return [String(n), n % 150 === 0 ? "long tag ".repeat(40) + n : `t${String(n).padStart(4, "0")}`, ["color", "shape", "size"][n % 3]!];
    });
    const keyed = written.sort(([, a, x], [, b, y]) => (x === y ? (a.toLowerCase() < b.toLowerCase() ? -1 : 1) : x < y ? -1 : 1));
    expect(rowsOf(db, 2)).toEqual([["n", "tag", "kind"], ...keyed]);
    // A full-text index's WITHOUT ROWID tables read too, when chosen.
    expect(rowsOf(db, 9)).toEqual([
      ["k", "v"],
      ["version", "4"],
    ]);
  });

  test("a damaged or cut file says so", () => {
    expect(() => sqliteDatabase(shop().subarray(0, 300))).toThrow(SqliteError);
    const cut = shop().subarray(0, 20 * 1024);
    const db = sqliteDatabase(cut);
    expect(() => [...db.csv(db.tables[0]!)]).toThrow(/past its end/);
  });
});

describe("declaredColumns", () => {
  test("names quoted every way, types with their sizes, constraints, the rowid", () => {
    expect(declaredColumns('CREATE TABLE t ("a ""b""" VARCHAR(10, 2) NOT NULL, [c d] INTEGER PRIMARY KEY, `e` DEFAULT (1 + 2), f AS (a || c) STORED, CHECK (c > 0))')).toEqual({
      columns: [
        { name: 'a "b"', stored: true },
        { name: "c d", stored: true },
        { name: "e", stored: true },
        { name: "f", stored: true },
      ],
      rowidColumn: 1,
      withoutRowid: false,
      keyColumns: [1],
    });
    expect(declaredColumns("CREATE TABLE t (id integer, v, CONSTRAINT pk PRIMARY KEY (id)) -- note").rowidColumn).toBe(0);
    expect(declaredColumns("CREATE TABLE t (id INT PRIMARY KEY, v)").rowidColumn).toBeNull();
    expect(declaredColumns("CREATE TABLE t (id INTEGER PRIMARY KEY DESC, v)").rowidColumn).toBeNull();
  });

  test("a key's columns in its order, for a table WITHOUT ROWID", () => {
    expect(declaredColumns("CREATE TABLE t (a, b, [c], PRIMARY KEY (c COLLATE nocase, a DESC)) WITHOUT ROWID")).toMatchObject({ keyColumns: [2, 0], rowidColumn: null, withoutRowid: true });
    expect(declaredColumns("CREATE TABLE t (a, b TEXT PRIMARY KEY) WITHOUT ROWID").keyColumns).toEqual([1]);
    expect(declaredColumns("CREATE TABLE t (a, b)").keyColumns).toEqual([]);
  });
});
