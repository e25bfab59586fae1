import { readFileSync } from "node:fs";
import { gunzipSync } from "node:zlib";
import { describe, expect, test } from "vitest";
import { typedTableLines } from "@/test/typed-table-lines";
import { readSas7bdat, sas7bdatTable, SasError } from "./sas7bdat";

// Written by SAS (pandas' test data) and by ReadStat (test/fixtures/sas/README.md).
const fixture = (name: string) => {
  const bytes = readFileSync(new URL(`../../test/fixtures/sas/${name}`, import.meta.url));
  return new Uint8Array(name.endsWith(".gz") ? gunzipSync(bytes) : bytes);
};
const lines = (name: string) => {
  const bytes = fixture(name);
  return typedTableLines(sas7bdatTable(bytes, readSas7bdat(bytes)));
};

describe("SAS datasets (.sas7bdat)", () => {
  test("SAS's own file: numbers, text, MMDDYY dates, missing values empty", () => {
    const rows = lines("test1.sas7bdat.gz");
    expect(rows).toHaveLength(12);
    expect(rows[0]!.split(",").slice(0, 4)).toEqual(["Column1", "Column2", "Column3", "Column4"]);
    expect(rows[1]!.split(",").slice(0, 12)).toEqual(["0.636", "pear", "84", "1965-12-10", "0.103", "apple", "20", "", "0.621", "apple", "", "1986-07-20"]);
    expect(rows[5]!.split(",").slice(0, 6)).toEqual(["0.138", "", "55", "1965-03-18", "0.583", "crocodile"]);
  });

  test("32- and 64-bit files, either byte order, compressed as CHAR (RLE) or BINARY (RDC), read the same", () => {
    const plain = lines("test1.sas7bdat.gz");
    for (const name of ["test2", "test3", "test8", "test12", "test13"]) expect(lines(`${name}.sas7bdat.gz`), name).toEqual(plain);
    const sas = (name: string) => readSas7bdat(fixture(`${name}.sas7bdat.gz`));
    expect([sas("test2").compression, sas("test3").compression, sas("test13").u64, sas("test13").little, sas("test12").little]).toEqual(["rle", "rdc", true, false, false]);
  });

  test("dates, date-times and times by their formats", () => {
    expect(lines("datetime.sas7bdat")).toEqual([
      "desc,mtg,dt,tm",
      "one,2017-11-24,2018-03-17 00:00:00,00:00:00",
      "two,2017-12-28,,00:00:05",
      "three,2017-12-03,,00:59:12",
      "four,2017-10-04,,23:59:59",
      "five,,2018-03-31 14:20:33,01:00:00",
      "",
    ]);
  });

  test("a file ReadStat writes: UTF-8 text, a label, codes with leading zeros, rows over several pages", () => {
    const bytes = fixture("people.sas7bdat");
    const sas = readSas7bdat(bytes);
    expect(sas.columns.map((c) => [c.name, c.label])).toContainEqual(["income", "Yearly income (EUR)"]);
    const rows = lines("people.sas7bdat");
    expect(rows.slice(0, 4)).toEqual(["id,age,income,name,code", "1,18,1000.5,Zoë Ångström,00000", '2,,1012.75,"person, 2",00001', "3,20,,日本語,00002"]);
    expect(rows[300]).toBe('300,77,4663.25,"person, 300",00299');
    expect(rows).toHaveLength(302);
  });

  test("a dataset's own label, where it has one (pyreadstat's test data: \"mytest label\")", () => {
    expect([readSas7bdat(fixture("test_data_linux.sas7bdat.gz")).label, readSas7bdat(fixture("people.sas7bdat")).label]).toEqual(["mytest label", undefined]);
    expect(sas7bdatTable(fixture("test_data_linux.sas7bdat.gz"), readSas7bdat(fixture("test_data_linux.sas7bdat.gz"))).label).toBe("mytest label");
  });

  test("other files say what they are", () => {
    expect(() => readSas7bdat(new TextEncoder().encode("id,name\n1,Ada\n"))).toThrow(SasError);
    const cut = fixture("people.sas7bdat").subarray(0, 20000);
    expect(() => [...sas7bdatTable(cut, readSas7bdat(cut)).rows]).toThrow(/cut short: .* of its 300 rows are missing/);
    const catalog = fixture("datetime.sas7bdat").slice();
    catalog[15] = 0x63;
    expect(() => readSas7bdat(catalog)).toThrow(/SAS catalog/);
  });

  test("says how many rows it holds, as its reader gives them (its load's progress is told against it)", () => {
    const bytes = fixture("test1.sas7bdat.gz");
    const table = sas7bdatTable(bytes, readSas7bdat(bytes));
    expect([table.rowCount, [...table.rows].length]).toEqual([10, 10]);
  });
});
